/**
 * Asynchronous replication between leaders, and from each leader to its followers. A change is
 * applied once per node (its id is remembered) and sent on only to nodes not in its path, so it
 * never loops; every send sits in the sender's outbox until acknowledged and is resent every
 * `retryMs`, so a partition or a crashed receiver delays the flow without losing it. With version
 * vectors on, a change waits until the receiver has applied every change its origin had applied
 * when it took the write (figure 5-9's cure). A leader that starts sending to a new target (after
 * a topology change) asks for its version vector and sends it what it lacks from the log.
 */
import type { NodeId } from '../../engine/types';
import type { Change } from './change';
import { strategyLabel } from './config';
import type { Ctx, MultiLeaderNode } from './state';
import { applyToKey, emptyKey } from './values';

export const RETRY_TIMER = 'retry';

/** Payload of a `changes` message. */
export interface ChangesMsg {
  changes: Change[];
}
/** Payload of a `changes-ack` message. */
export interface ChangesAck {
  ids: string[];
}

/** The origins' changes `node` lacks among those `change` depends on. */
export function missingDeps(node: MultiLeaderNode, change: Change): Record<NodeId, number> {
  const missing: Record<NodeId, number> = {};
  for (const origin of Object.keys(change.deps)) {
    const need = change.deps[origin] ?? 0;
    if ((node.vv[origin] ?? 0) < need) missing[origin] = need;
  }
  return missing;
}

function advanceVv(node: MultiLeaderNode, origin: NodeId): void {
  let at = node.vv[origin] ?? 0;
  while (node.applied[`${origin}:${at + 1}`] === true) at++;
  node.vv[origin] = at;
}

/** Queue `change` for `to` and send it now. */
export function sendChange(ctx: Ctx, to: NodeId, change: Change): void {
  const box = ctx.state.outbox[to] ?? [];
  if (box.some((e) => e.change.id === change.id)) return;
  box.push({ change, sentAt: ctx.now });
  ctx.state.outbox[to] = box;
  const msg: ChangesMsg = { changes: [change] };
  ctx.send(to, 'changes', msg);
}

/** Apply a change here and pass it to this leader's followers. */
export function applyChange(ctx: Ctx, change: Change): void {
  const node = ctx.state;
  const early = missingDeps(node, change);
  if (Object.keys(early).length > 0)
    ctx.emit('out-of-order', { id: change.id, key: change.key, missing: early });
  node.applied[change.id] = true;
  node.log.push(change);
  advanceVv(node, change.origin);
  const state = node.data[change.key] ?? emptyKey(ctx.config.values);
  node.data[change.key] = state;
  const result = applyToKey(state, change, ctx.config.conflicts);
  ctx.emit('apply', { id: change.id, key: change.key, origin: change.origin });
  if (result.missingRow) ctx.emit('update-missing-row', { id: change.id, key: change.key });
  const conflict = result.conflict;
  if (conflict !== null) {
    const strategy = strategyLabel(ctx.config.conflicts);
    const { ids, values, result: resolved } = conflict;
    ctx.emit('conflict', { key: change.key, strategy, ids, values, result: resolved });
    for (const d of conflict.discarded)
      ctx.emit('discard', { key: change.key, strategy, loser: d.loser, winner: d.winner });
  }
  if (node.role === 'leader') {
    const onward = { ...change, path: [...change.path, ctx.self] };
    for (const f of node.followers) sendChange(ctx, f, onward);
  }
}

function ready(ctx: Ctx, change: Change): boolean {
  if (!ctx.config.versionVectors) return true;
  return Object.keys(missingDeps(ctx.state, change)).length === 0;
}

/** Apply every waiting change whose dependencies are now in, until none is. */
function drainWaiting(ctx: Ctx): void {
  const node = ctx.state;
  for (let progress = true; progress; ) {
    progress = false;
    for (const change of [...node.waiting]) {
      if (node.applied[change.id] === true || !ready(ctx, change)) continue;
      node.waiting = node.waiting.filter((c) => c.id !== change.id);
      applyChange(ctx, change);
      progress = true;
    }
  }
}

/** A leader passes a change on to the leaders it sends to that the change has not visited. */
function relay(ctx: Ctx, change: Change): void {
  const onward = { ...change, path: [...change.path, ctx.self] };
  for (const to of ctx.state.targets) if (!change.path.includes(to)) sendChange(ctx, to, onward);
}

function receiveOne(ctx: Ctx, change: Change, relays: boolean): void {
  const node = ctx.state;
  if (node.applied[change.id] === true || node.waiting.some((c) => c.id === change.id)) return;
  if (change.path.includes(ctx.self)) {
    ctx.emit('loop-ignored', { id: change.id, path: change.path });
    return;
  }
  if (node.role === 'leader' && relays) relay(ctx, change);
  if (ready(ctx, change)) {
    applyChange(ctx, change);
    drainWaiting(ctx);
    return;
  }
  node.waiting.push(change);
  ctx.emit('causal-wait', { id: change.id, key: change.key, missing: missingDeps(node, change) });
}

export function onChanges(ctx: Ctx, from: NodeId, msg: ChangesMsg, relays: boolean): void {
  for (const change of msg.changes) receiveOne(ctx, change, relays);
  const ack: ChangesAck = { ids: msg.changes.map((c) => c.id) };
  ctx.send(from, 'changes-ack', ack);
}

export function onChangesAck(ctx: Ctx, from: NodeId, msg: ChangesAck): void {
  const box = ctx.state.outbox[from];
  if (box === undefined) return;
  const acked = new Set(msg.ids);
  const left = box.filter((e) => !acked.has(e.change.id));
  if (left.length > 0) ctx.state.outbox[from] = left;
  else delete ctx.state.outbox[from];
}

/** Payload of `catch-up-vv`: what the receiver has applied, so the sender sends it the rest. */
export interface CatchUp {
  vv: Record<NodeId, number>;
}

/** A leader that starts sending to `to` asks what `to` already has. */
export function offerCatchUp(ctx: Ctx, to: NodeId): void {
  ctx.state.catchUpAsked[to] = ctx.now;
  ctx.send(to, 'catch-up-ask', {});
}

export function onCatchUpAsk(ctx: Ctx, from: NodeId): void {
  const reply: CatchUp = { vv: { ...ctx.state.vv } };
  ctx.send(from, 'catch-up-vv', reply);
}

/** Send `to` every change applied here that it lacks and has not passed through. */
export function onCatchUp(ctx: Ctx, to: NodeId, msg: CatchUp): void {
  delete ctx.state.catchUpAsked[to];
  const missing = ctx.state.log.filter(
    (c) => c.counter > (msg.vv[c.origin] ?? 0) && !c.path.includes(to),
  );
  if (missing.length > 0) ctx.emit('catch-up', { to, changes: missing.length });
  for (const c of missing) sendChange(ctx, to, withSelf(ctx, c));
}

function withSelf(ctx: Ctx, change: Change): Change {
  return change.path.includes(ctx.self) ? change : { ...change, path: [...change.path, ctx.self] };
}

/**
 * Resend, one message per receiver, whatever has waited for an acknowledgement too long; ask
 * again a receiver that never answered a catch-up (while it is still a target).
 */
export function onRetryTimer(ctx: Ctx): void {
  const { retryMs } = ctx.config;
  const node = ctx.state;
  for (const to of Object.keys(node.catchUpAsked).sort()) {
    if (!node.targets.includes(to)) delete node.catchUpAsked[to];
    else if ((node.catchUpAsked[to] as number) + retryMs <= ctx.now) offerCatchUp(ctx, to);
  }
  for (const to of Object.keys(ctx.state.outbox).sort()) {
    const due = (ctx.state.outbox[to] ?? []).filter((e) => e.sentAt + retryMs <= ctx.now);
    if (due.length === 0) continue;
    for (const e of due) e.sentAt = ctx.now;
    const msg: ChangesMsg = { changes: due.map((e) => e.change) };
    ctx.send(to, 'changes', msg);
  }
  ctx.setTimer(RETRY_TIMER, retryMs);
}
