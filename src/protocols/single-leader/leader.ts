/**
 * The leader's side of replication: accept writes into the log, ship them, count
 * acknowledgements from synchronous followers before answering the client, serve catch-up
 * fetches and snapshots, and keep one follower synchronous under semi-sync.
 */
import { emptyArray } from '../../engine/arrays';
import type { ClientRequest } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import { heartbeatCascaded } from './cascade';
import {
  appendStatement,
  type HeldCommit,
  holdCommit,
  statementMeta,
  takeHeld,
} from './formats/heldCommit';
import {
  type ExecutedStatement,
  executeOnLeader,
  isStatementWrite,
} from './formats/leaderStatement';
import { shipDueChanges, shippedPos, shipsAtOnce } from './formats/triggerShipping';
import {
  append,
  entriesFrom,
  epochAt,
  type LogEntry,
  lastEpoch,
  lastPos,
  matchingPrefix,
} from './log';
import type { Ack, CatchUp, Fetch, Heartbeat, Replicate, SnapshotMsg } from './messages';
import type { WriteSession } from './session';
import type { AckProgress, Ctx, LeaderVolatile, PendingWrite } from './state';
import { ackProgress, followerIds, isFollower, matchPos, sendToFollowers } from './state';
import { barrierRefusal, checkBarrier } from './writeBarrier';

/** Fresh leader bookkeeping, e.g. on promotion or on restart as leader. */
export function newLeaderState(ctx: Ctx, leaseUntil: number): LeaderVolatile {
  const followers = followerIds(ctx);
  const sync = followers.find((f) => ctx.state.modes[f] === 'sync') ?? followers[0] ?? null;
  return {
    acks: [],
    pending: emptyArray(),
    syncFollower: ctx.config.semiSync ? sync : null,
    required: null,
    direct: null,
    leaseUntil,
    barrier: null,
    barrierLiftedAt: null,
  };
}

/** Followers whose acknowledgement a write must wait for (worked out again only when that may change). */
export function requiredAcks(ctx: Ctx, leader: LeaderVolatile): NodeId[] {
  const nodes = ctx.nodeIds.length;
  if (leader.required !== null && leader.required.nodes === nodes) return leader.required.ids;
  const ids = requiredFollowers(ctx, leader);
  leader.required = { ids, nodes };
  return ids;
}

function requiredFollowers(ctx: Ctx, leader: LeaderVolatile): NodeId[] {
  if (ctx.config.semiSync) return leader.syncFollower === null ? [] : [leader.syncFollower];
  const { modes } = ctx.state;
  const required: NodeId[] = [];
  for (const f of ctx.nodeIds) if (isFollower(ctx, f) && modes[f] === 'sync') required.push(f);
  return required;
}

/** Does fencing forbid taking writes right now? */
export function leaseExpired(ctx: Ctx, leader: LeaderVolatile): boolean {
  return ctx.config.fencing && ctx.config.monitor !== null && ctx.localTime() >= leader.leaseUntil;
}

/** Record the positions a write depends on, if its client tracks them (causal-reads cure). */
function addCausalDeps(entry: LogEntry, request: ClientRequest): void {
  const deps = (request.session as WriteSession | undefined)?.deps;
  if (deps !== undefined) entry.deps = deps;
}

/** A client write reaching the leader. */
export function leaderWrite(ctx: Ctx, leader: LeaderVolatile, request: ClientRequest): void {
  if (leaseExpired(ctx, leader)) {
    ctx.reply(request, {
      type: 'fail',
      error: 'fenced: my lease from the monitor has expired, so I may no longer be the leader',
    });
    return;
  }
  const refusal = barrierRefusal(ctx, leader);
  if (refusal !== null) {
    ctx.reply(request, { type: 'fail', error: refusal });
    return;
  }
  // Log formats: a statement runs now; it enters the log now, or after its SLEEP (held commit).
  let statement: ExecutedStatement | undefined;
  if (isStatementWrite(request)) {
    const executed = executeOnLeader(ctx, leader, request);
    if (!executed.ok) {
      ctx.reply(request, { type: 'fail', error: executed.error });
      return;
    }
    statement = executed.statement;
    if (statement.commitDelayMs > 0) {
      holdCommit(ctx, leader, request, statement);
      return;
    }
  }
  commitWrite(ctx, leader, request, statement);
}

/** Log formats: a held statement write commits once its SLEEP is over, if still leader. */
export function commitHeldWrite(ctx: Ctx, held: HeldCommit): void {
  const leader = ctx.state.leader;
  if (leader !== null && takeHeld(leader, held))
    commitWrite(ctx, leader, held.request, held.statement);
}

/** Append a write to the log, ship it, and answer once its synchronous followers have it. */
function commitWrite(
  ctx: Ctx,
  leader: LeaderVolatile,
  request: ClientRequest,
  statement?: ExecutedStatement,
): void {
  const { storage, epoch } = ctx.state;
  const prevPos = lastPos(storage);
  const prevEpoch = lastEpoch(storage);
  const entry = {
    pos: prevPos + 1,
    epoch,
    key: request.key,
    value: request.value,
    opId: request.opId,
    client: request.client,
    appendedAt: ctx.now,
  };
  addCausalDeps(entry, request);
  if (statement === undefined) append(storage, entry);
  else appendStatement(storage, entry, statement);
  if (shipsAtOnce(ctx)) {
    const message: Replicate = { epoch, leader: ctx.self, prevPos, prevEpoch, entries: [entry] };
    sendToFollowers(ctx, 'replicate', message);
  }
  const pending: PendingWrite = {
    pos: entry.pos,
    request,
    acceptedAt: ctx.now,
    required: requiredAcks(ctx, leader),
  };
  if (statement !== undefined) pending.meta = statementMeta(statement);
  leader.pending.push(pending);
  releaseAcknowledged(ctx, leader);
}

/** Answer every pending write whose synchronous followers all have it. */
export function releaseAcknowledged(ctx: Ctx, leader: LeaderVolatile): void {
  while (leader.pending.length > 0) {
    const head = leader.pending[0] as PendingWrite;
    for (const f of head.required) if (matchPos(leader, f) < head.pos) return;
    leader.pending.shift();
    const meta = { pos: head.pos, epoch: ctx.state.epoch, syncAcks: head.required.length };
    if (head.meta !== undefined) Object.assign(meta, head.meta); // log formats: inserted ids
    ctx.reply(head.request, { type: 'ok', meta });
  }
}

/** Modes changed (an operator, or semi-sync's replacement): re-decide what pending writes wait for. */
export function requiredAcksChanged(ctx: Ctx, leader: LeaderVolatile): void {
  leader.required = null;
  const required = requiredAcks(ctx, leader);
  for (const p of leader.pending) p.required = required;
  releaseAcknowledged(ctx, leader);
}

export function onAck(ctx: Ctx, leader: LeaderVolatile, from: NodeId, ack: Ack): void {
  if (ack.epoch !== ctx.state.epoch) return;
  const progress = ackProgress(leader, from) ?? firstAck(leader, from);
  if (ack.pos > progress.matchPos) progress.matchPos = ack.pos;
  progress.lastAckAt = ctx.now;
  // Only an acknowledgement the oldest pending write waits for can release anything (most come
  // from asynchronous followers, which no write waits for).
  if (leader.pending[0]?.required.includes(from)) releaseAcknowledged(ctx, leader);
  checkBarrier(ctx, leader);
}

function firstAck(leader: LeaderVolatile, id: NodeId): AckProgress {
  const progress: AckProgress = { id, matchPos: 0, lastAckAt: Number.NEGATIVE_INFINITY };
  leader.acks.push(progress);
  return progress;
}

/** A follower asks for what it misses; tell it where its log diverges and send the next batch. */
export function onFetch(ctx: Ctx, from: NodeId, fetch: Fetch): void {
  const { storage, epoch } = ctx.state;
  const match = matchingPrefix(storage, fetch.ranges);
  if (match < storage.snapshotPos) {
    sendSnapshot(ctx, from);
    return;
  }
  const shipped = shippedPos(ctx); // log formats: trigger-based shows only what it has shipped
  const reply: CatchUp = {
    epoch,
    leader: ctx.self,
    truncateTo: match,
    entries: entriesFrom(storage, match + 1, Math.min(ctx.config.catchUpBatch, shipped - match)),
    leaderLastPos: shipped,
  };
  ctx.send(from, 'catch-up', reply);
}

/** A consistent snapshot tied to the current log position. */
export function sendSnapshot(ctx: Ctx, to: NodeId): void {
  const { storage, epoch } = ctx.state;
  const pos = lastPos(storage);
  const snapshot: SnapshotMsg = {
    epoch,
    leader: ctx.self,
    pos,
    lastEpoch: epochAt(storage, pos) ?? 0,
    data: { ...storage.data },
  };
  ctx.emit('snapshot', pos);
  ctx.send(to, 'snapshot', snapshot);
}

/** Periodic duties: heartbeats to followers, and under semi-sync, replacing a silent sync follower. */
export function leaderTick(ctx: Ctx, leader: LeaderVolatile): void {
  shipDueChanges(ctx); // log formats: trigger-based replication's process polls here
  const beat: Heartbeat = {
    epoch: ctx.state.epoch,
    leader: ctx.self,
    lastPos: shippedPos(ctx),
  };
  sendToFollowers(ctx, 'heartbeat', beat);
  heartbeatCascaded(ctx, beat);
  if (ctx.config.semiSync) replaceSilentSyncFollower(ctx, leader);
  checkBarrier(ctx, leader);
}

function replaceSilentSyncFollower(ctx: Ctx, leader: LeaderVolatile): void {
  const head = leader.pending[0];
  const current = leader.syncFollower;
  if (head === undefined || ctx.now - head.acceptedAt < ctx.config.syncAckTimeoutMs) return;
  if (current !== null && matchPos(leader, current) >= head.pos) return;
  const recent = ctx.now - ctx.config.syncAckTimeoutMs;
  let best: NodeId | null = null;
  for (const f of followerIds(ctx)) {
    if (f === current || (ackProgress(leader, f)?.lastAckAt ?? -1) < recent) continue;
    if (best === null || matchPos(leader, f) > matchPos(leader, best)) best = f;
  }
  if (best === null) return;
  leader.syncFollower = best;
  ctx.emit('sync-follower', best);
  requiredAcksChanged(ctx, leader);
}
