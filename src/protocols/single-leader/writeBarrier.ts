/**
 * The recovering leader's write barrier. A leader that restarts, or is newly promoted, may hold
 * entries its followers lack (acknowledged asynchronously, or never shipped before a crash).
 * Taking new writes on top of them widens the window in which one more failure loses them, so
 * with `writeBarrier` the leader refuses client writes, with the reason, until every follower
 * that answers it holds the leader's log up to where it was when it took over.
 *
 * With `promotionCatchUp`, a newly promoted leader first asks the other followers for entries
 * after its own last position (one of them may have heard more from the old leader than it
 * did), appends what extends its log, and only then sets the barrier's target.
 */
import type { NodeId } from '../../engine/types';
import { appendReplicated } from './formats/followerApply';
import { entriesFrom, epochAt, type LogEntry, lastEpoch, lastPos } from './log';
import { ackProgress, type Ctx, followerIds, type LeaderVolatile, matchPos } from './state';

export interface PromotionFetch {
  epoch: number;
  fromPos: number;
  fromEpoch: number;
}
export interface PromotionEntries {
  epoch: number;
  entries: LogEntry[];
}

/** Put the barrier up as this node becomes leader again (`promoted`: by a failover). */
export function raiseBarrier(ctx: Ctx, leader: LeaderVolatile, promoted: boolean): void {
  const { config, state } = ctx;
  const fetchPeers = promoted && config.promotionCatchUp;
  if (!config.writeBarrier && !fetchPeers) return;
  const awaiting = fetchPeers ? followerIds(ctx) : [];
  const targetPos = lastPos(state.storage);
  const phase = fetchPeers ? 'fetching-peers' : 'waiting-followers';
  leader.barrier = { phase, since: ctx.now, targetPos, awaiting };
  ctx.emit('barrier', { state: 'up', phase, targetPos, epoch: state.epoch });
  const ask: PromotionFetch = {
    epoch: state.epoch,
    fromPos: targetPos,
    fromEpoch: lastEpoch(state.storage),
  };
  for (const id of awaiting) ctx.send(id, 'promotion-fetch', ask);
}

/** The reason a client write is refused now, or null when the leader may take it. */
export function barrierRefusal(ctx: Ctx, leader: LeaderVolatile): string | null {
  const b = leader.barrier;
  if (b === null) return null;
  if (b.phase === 'fetching-peers')
    return `write barrier: newly promoted ${ctx.self} is first fetching entries it lacks from the other followers`;
  return `write barrier: recovering leader ${ctx.self} takes writes once its followers hold position ${b.targetPos}`;
}

/** Followers that answered this leader since the barrier went up (cascaded ones included). */
function answering(ctx: Ctx, leader: LeaderVolatile, since: number): NodeId[] {
  return followerIds(ctx).filter(
    (f) => (ackProgress(leader, f)?.lastAckAt ?? Number.NEGATIVE_INFINITY) >= since,
  );
}

/**
 * Move the barrier on if it may: peers answered (or waited for long enough), then every
 * follower that answers holds the target. Waiting two heartbeats first lets every live follower
 * answer once; a leader no follower answers lifts it after the failure timeout.
 */
export function checkBarrier(ctx: Ctx, leader: LeaderVolatile): void {
  const b = leader.barrier;
  if (b === null) return;
  const { config } = ctx;
  if (b.phase === 'fetching-peers') {
    if (b.awaiting.length > 0 && ctx.now - b.since < config.electionWaitMs) return;
    b.targetPos = lastPos(ctx.state.storage);
    if (!config.writeBarrier) {
      lift(ctx, leader);
      return;
    }
    b.phase = 'waiting-followers';
    b.since = ctx.now;
    ctx.emit('barrier', {
      state: 'up',
      phase: b.phase,
      targetPos: b.targetPos,
      epoch: ctx.state.epoch,
    });
  }
  const waited = ctx.now - b.since;
  if (waited < 2 * config.heartbeatIntervalMs) return;
  const followers = answering(ctx, leader, b.since);
  if (followers.some((f) => matchPos(leader, f) < b.targetPos)) return;
  if (followers.length === 0 && waited < config.failureTimeoutMs) return;
  lift(ctx, leader);
}

function lift(ctx: Ctx, leader: LeaderVolatile): void {
  const b = leader.barrier;
  if (b === null) return;
  leader.barrier = null;
  leader.barrierLiftedAt = ctx.now;
  ctx.emit('barrier', { state: 'lifted', targetPos: b.targetPos, epoch: ctx.state.epoch });
}

/** A follower asked by a newly promoted leader: send what we hold after its last position. */
export function onPromotionFetch(ctx: Ctx, from: NodeId, ask: PromotionFetch): void {
  const { storage } = ctx.state;
  const agrees = epochAt(storage, ask.fromPos) === ask.fromEpoch;
  const entries = agrees ? entriesFrom(storage, ask.fromPos + 1, lastPos(storage)) : [];
  const reply: PromotionEntries = { epoch: ask.epoch, entries };
  ctx.send(from, 'promotion-entries', reply);
}

/**
 * A follower's answer: append each entry that extends our log, stopping where the answer and
 * our log disagree (their entries agree with ours up to our last position, by construction).
 */
export function onPromotionEntries(ctx: Ctx, from: NodeId, reply: PromotionEntries): void {
  const node = ctx.state;
  const leader = node.leader;
  const b = leader?.barrier;
  if (leader == null || b == null || b.phase !== 'fetching-peers' || reply.epoch !== node.epoch)
    return;
  b.awaiting = b.awaiting.filter((id) => id !== from);
  for (const entry of reply.entries) {
    const mine = lastPos(node.storage);
    if (entry.pos <= mine) {
      if (epochAt(node.storage, entry.pos) !== entry.epoch) break;
      continue;
    }
    if (entry.pos !== mine + 1 || !appendReplicated(ctx, entry)) break;
    ctx.emit('recovered-entry', { pos: entry.pos, from });
  }
  checkBarrier(ctx, leader);
}
