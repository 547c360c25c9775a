/**
 * The client side of a single-leader cluster: send writes to the leader it believes in, reads
 * where the routing setting says, and learn the leader from redirects.
 */
import type { ClientResult, RoutingView } from '../../engine/protocol';
import { pick } from '../../engine/rng';
import type { ClientId, ClientOp, NodeId } from '../../engine/types';
import type { ReadRouting, SingleLeaderConfig } from './config';

export interface SingleLeaderClient {
  id: ClientId;
  leaderHint: NodeId;
  reads: ReadRouting;
  /** The monitor holds no data: never a target. */
  monitor: NodeId | null;
}

export function initClient(id: ClientId, config: SingleLeaderConfig): SingleLeaderClient {
  return {
    id,
    leaderHint: config.leader,
    reads: config.clientReads?.[id] ?? config.reads,
    monitor: config.monitor,
  };
}

function replicas(view: RoutingView, monitor: NodeId | null): NodeId[] {
  return view.nodeIds.filter((id) => id !== monitor);
}

/** Writes go to the leader; a read goes where the op asks, else where the client's setting says. */
export function routeOp(client: SingleLeaderClient, op: ClientOp, view: RoutingView): NodeId {
  const reads = op.readFrom ?? client.reads;
  if (op.f === 'write' || reads === 'leader') return client.leaderHint;
  if (reads === 'any') return pick(view.rng, replicas(view, client.monitor));
  return reads.replica;
}

export function learnFromResult(client: SingleLeaderClient, result: ClientResult): void {
  if (result.type === 'redirect') client.leaderHint = result.to;
}

/** No answer from the node we believed was leader: try the next replica, which will redirect. */
export function afterTimeout(client: SingleLeaderClient, target: NodeId, view: RoutingView): void {
  if (target !== client.leaderHint) return;
  const all = replicas(view, client.monitor);
  const next = all[(all.indexOf(target) + 1) % all.length];
  if (next !== undefined) client.leaderHint = next;
}
