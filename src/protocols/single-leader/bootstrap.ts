/**
 * Bootstrapping a follower that joins a running cluster, by one of two methods:
 * - `snapshot`: ask the leader for a consistent snapshot tied to a log position, install it,
 *   then fetch the log after that position;
 * - `full-log`: replay the leader's log from position 1, batch by batch, up to the position the
 *   leader had when the replay began (a leader whose early log is compacted away answers with a
 *   snapshot instead: that is why snapshots exist).
 * The follower refuses reads until it holds the snapshot or that much of the log. What the
 * bootstrap cost (messages, bytes, time until it could serve reads, time to its first read and
 * to catching up) is kept in the node's state for the report and the view.
 */

import type { BootstrapMethod, SingleLeaderConfig } from './config';
import { appendReplicated } from './formats/followerApply';
import { epochRanges, lastPos } from './log';
import type { CatchUp, Fetch } from './messages';
import type { Ctx } from './state';

export interface BootstrapProgress {
  method: BootstrapMethod;
  startedAt: number;
  /**
   * The position it must hold before serving reads: the snapshot's, or the leader's last when
   * the replay began. Null until the first answer tells it.
   */
  targetPos: number | null;
  /** Snapshot and catch-up messages received until caught up. */
  messages: number;
  /** Their size, counted as JSON text. */
  bytes: number;
  /** When it could first serve reads (simulated time). */
  readyAt: number | null;
  firstReadAt: number | null;
  caughtUpAt: number | null;
}

/** The method a joining node uses: what its `add-node` input says, else the cluster's setting. */
export function bootstrapMethodOf(
  config: SingleLeaderConfig,
  args: Record<string, unknown> | undefined,
): BootstrapMethod {
  const asked = args?.bootstrap;
  return asked === 'full-log' || asked === 'snapshot' ? asked : config.bootstrap;
}

export function newBootstrap(method: BootstrapMethod, now: number): BootstrapProgress {
  return {
    method,
    startedAt: now,
    targetPos: null,
    messages: 0,
    bytes: 0,
    readyAt: null,
    firstReadAt: null,
    caughtUpAt: null,
  };
}

/** Ask the leader for what this follower starts from, and retry until an answer comes. */
export function startBootstrap(ctx: Ctx): void {
  const node = ctx.state;
  const leader = node.leaderId;
  if (leader !== null && leader !== ctx.self) {
    if (node.bootstrap?.method === 'full-log') {
      // A fetch from where the replay has got to: position 0 at first.
      const fetch: Fetch = { ranges: epochRanges(node.storage), lastPos: lastPos(node.storage) };
      ctx.send(leader, 'fetch', fetch);
    } else {
      ctx.send(leader, 'snapshot-request', { epoch: node.epoch });
    }
  }
  ctx.setTimer('snapshot-retry', 4 * ctx.config.heartbeatIntervalMs);
}

/** Count a snapshot or catch-up message towards the bootstrap's cost. */
export function countBootstrapMessage(ctx: Ctx, payload: unknown): void {
  const b = ctx.state.bootstrap;
  if (b === null || b.caughtUpAt !== null) return;
  b.messages += 1;
  b.bytes += JSON.stringify(payload).length;
}

/**
 * A batch of the leader's log during a full-log replay: apply it in order, then ask for the next
 * one, until the position the leader had when the replay began. True when that is reached.
 */
export function onReplayBatch(ctx: Ctx, msg: CatchUp): boolean {
  const node = ctx.state;
  const b = node.bootstrap;
  if (b === null || b.method !== 'full-log') return false;
  b.targetPos ??= msg.leaderLastPos;
  for (const entry of msg.entries) {
    if (entry.pos !== lastPos(node.storage) + 1) continue;
    if (!appendReplicated(ctx, entry)) break; // log formats: a WAL record it cannot apply
    ctx.emit('apply', entry.pos);
  }
  if (lastPos(node.storage) >= b.targetPos) {
    ctx.cancelTimer('snapshot-retry');
    return true;
  }
  startBootstrap(ctx);
  return false;
}

/** Lifecycle news: ready to serve reads (snapshot installed or log replayed), or caught up. */
export function noteBootstrapStep(ctx: Ctx, step: 'ready' | 'caught-up'): void {
  const b = ctx.state.bootstrap;
  if (b === null) return;
  const pos = lastPos(ctx.state.storage);
  // Caught up (e.g. after a crash mid-bootstrap, through recovery) implies ready.
  if (b.readyAt === null) {
    b.readyAt = ctx.now;
    if (b.method === 'snapshot') b.targetPos = pos;
    ctx.emit('bootstrap-ready', { method: b.method, pos, ms: ctx.now - b.startedAt });
  }
  if (step === 'caught-up' && b.caughtUpAt === null) {
    b.caughtUpAt = ctx.now;
    ctx.emit('bootstrap-done', {
      method: b.method,
      messages: b.messages,
      bytes: b.bytes,
      ms: ctx.now - b.startedAt,
    });
  }
}

/** The first read this follower served since it joined. */
export function noteFirstRead(ctx: Ctx): void {
  const b = ctx.state.bootstrap;
  if (b === null || b.firstReadAt !== null) return;
  b.firstReadAt = ctx.now;
  ctx.emit('first-read', { method: b.method, ms: ctx.now - b.startedAt });
}

/** Why a bootstrapping follower cannot serve a read yet. */
export function notReadyReason(ctx: Ctx): string {
  const b = ctx.state.bootstrap;
  if (b?.method === 'full-log') {
    const of = b.targetPos === null ? '' : ` of ${b.targetPos}`;
    return `bootstrapping by replaying the leader's whole log (at position ${lastPos(ctx.state.storage)}${of}): this follower cannot serve reads yet`;
  }
  return 'no snapshot yet: this follower cannot serve reads';
}
