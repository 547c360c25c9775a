/**
 * Anti-entropy: every `antiEntropyIntervalMs` a node compares, with the next peer in turn, the
 * keys both are home replicas for. It sends its Merkle tree (`ae-tree`); the peer answers with its
 * copies of the keys in the ranges that differ (`ae-diff`); the node merges them and sends back
 * the copies the peer lacks or holds stale (`ae-push`). Keys are repaired in whatever order the
 * ranges come, with no regard to when they were written.
 */
import type { NodeId } from '../../engine/types';
import { buildTree, differingLeaves, leafOf } from './merkle';
import type { AeDiff, AePush, AeTree } from './messages';
import type { Ctx } from './state';
import { placementOf } from './state';
import { storeCopy } from './storage';
import { digest, sameObject, type Versioned } from './versioned';

export const ANTI_ENTROPY_TIMER = 'anti-entropy';

/** Keys this node holds for which both it and `peer` are home replicas. */
function sharedKeys(ctx: Ctx, peer: NodeId): string[] {
  return Object.keys(ctx.state.data)
    .sort()
    .filter((key) => {
      const home = placementOf(ctx, key).home;
      return home.includes(ctx.self) && home.includes(peer);
    });
}

function treeWith(ctx: Ctx, peer: NodeId) {
  const entries: Record<string, string> = {};
  for (const key of sharedKeys(ctx, peer)) entries[key] = digest(ctx.state.data[key] as Versioned);
  return buildTree(entries, ctx.config.merkleLeaves);
}

function copiesIn(ctx: Ctx, peer: NodeId, leaves: readonly number[]): Record<string, Versioned> {
  const out: Record<string, Versioned> = {};
  for (const key of sharedKeys(ctx, peer)) {
    if (leaves.includes(leafOf(key, ctx.config.merkleLeaves)))
      out[key] = ctx.state.data[key] as Versioned;
  }
  return out;
}

export function onAntiEntropyTimer(ctx: Ctx): void {
  const peers = ctx.nodeIds.filter((id) => id !== ctx.self);
  const peer = peers[ctx.state.aeCursor % Math.max(1, peers.length)];
  ctx.state.aeCursor++;
  if (peer !== undefined) {
    ctx.emit('ae-round', { peer });
    const msg: AeTree = { tree: treeWith(ctx, peer) };
    ctx.send(peer, 'ae-tree', msg);
  }
  ctx.setTimer(ANTI_ENTROPY_TIMER, ctx.config.antiEntropyIntervalMs);
}

export function onAeTree(ctx: Ctx, from: NodeId, msg: AeTree): void {
  const leaves = differingLeaves(treeWith(ctx, from), msg.tree);
  if (leaves.length === 0) return;
  const diff: AeDiff = { leaves, objects: copiesIn(ctx, from, leaves) };
  ctx.send(from, 'ae-diff', diff);
}

function absorb(ctx: Ctx, from: NodeId, objects: Record<string, Versioned>): void {
  for (const [key, obj] of Object.entries(objects)) {
    if (storeCopy(ctx, key, obj)) ctx.emit('ae-repair', { key, from });
  }
}

export function onAeDiff(ctx: Ctx, from: NodeId, msg: AeDiff): void {
  absorb(ctx, from, msg.objects);
  const back: Record<string, Versioned> = {};
  for (const [key, obj] of Object.entries(copiesIn(ctx, from, msg.leaves))) {
    const theirs = msg.objects[key];
    if (theirs === undefined || !sameObject(theirs, obj)) back[key] = obj;
  }
  if (Object.keys(back).length === 0) return;
  const push: AePush = { objects: back };
  ctx.send(from, 'ae-push', push);
}

export function onAePush(ctx: Ctx, from: NodeId, msg: AePush): void {
  absorb(ctx, from, msg.objects);
}
