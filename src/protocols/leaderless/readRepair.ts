/**
 * Read repair: once every replica a read asked has answered or timed out, the coordinator (node
 * or coordinating client) sends
 * the merged copy to each home replica whose answer was stale (missing the key, or lacking a
 * write the others had). Stand-ins of a sloppy read are left alone: hinted handoff serves them.
 */
import type { ReadRepair } from './messages';
import type { QuorumHost } from './quorum';
import type { QuorumOp } from './state';
import { placementOf } from './state';
import { storeCopy } from './storage';
import { EMPTY_OBJECT, sameObject, type Versioned } from './versioned';

export function readRepair(host: QuorumHost, op: QuorumOp, merged: Versioned): void {
  if (merged.siblings.length === 0 && Object.keys(merged.vv).length === 0) return;
  const home = placementOf(host, op.key).home;
  const replica = host.replica;
  for (const reply of op.replies) {
    if (!home.includes(reply.node)) continue;
    if (sameObject(reply.obj ?? EMPTY_OBJECT, merged)) continue;
    host.emit('read-repair', { key: op.key, node: reply.node });
    if (replica !== null && reply.node === replica.self) storeCopy(replica, op.key, merged);
    else {
      const msg: ReadRepair = { key: op.key, obj: merged };
      host.send(reply.node, 'read-repair', msg);
    }
  }
}
