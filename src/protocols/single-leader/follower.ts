/**
 * The follower's side: apply the leader's log in order, acknowledge, notice gaps and divergence
 * and fetch what is missing, install a snapshot when joining. Each handler reports what it
 * changed in the follower's lifecycle; the caller feeds that to the chart.
 */

import { appendReplicated } from './formats/followerApply';
import type { LogEntry } from './log';
import { epochAt, epochRanges, installSnapshot, lastEpoch, lastPos, truncateAfter } from './log';
import type { Ack, CatchUp, Fetch, Heartbeat, Replicate, SnapshotMsg } from './messages';
import { fetchTarget } from './peerCatchUp';
import type { Ctx } from './state';

/** Lifecycle news for the chart. */
export type FollowerNews = 'caught-up' | 'snapshot-installed' | null;

function ack(ctx: Ctx, to: string): void {
  const message: Ack = { epoch: ctx.state.epoch, pos: lastPos(ctx.state.storage) };
  ctx.send(to, 'ack', message);
}

/** Ask the leader for everything after the part of our log it agrees with. */
export function sendFetch(ctx: Ctx, force = false): void {
  const node = ctx.state;
  if (node.leaderId === null || node.leaderId === ctx.self) return;
  if (!force && ctx.localTime() < node.fetchingUntil) return;
  node.fetchingUntil = ctx.localTime() + 2 * ctx.config.heartbeatIntervalMs;
  const fetch: Fetch = { ranges: epochRanges(node.storage), lastPos: lastPos(node.storage) };
  ctx.send(fetchTarget(ctx) ?? node.leaderId, 'fetch', fetch);
  ctx.setTimer('fetch-retry', 3 * ctx.config.heartbeatIntervalMs);
}

export function onReplicate(ctx: Ctx, from: string, msg: Replicate): void {
  const { storage } = ctx.state;
  if (ctx.state.lifecycle === 'bootstrapping') return;
  const mine = lastPos(storage);
  if (msg.prevPos === mine && msg.prevEpoch === lastEpoch(storage)) {
    for (const entry of msg.entries) {
      if (!appendReplicated(ctx, entry)) break; // log formats: a WAL record it cannot apply
      ctx.emit('apply', entry.pos);
    }
    ack(ctx, from);
    return;
  }
  const last = msg.entries[msg.entries.length - 1];
  if (last !== undefined && last.pos <= mine && epochAt(storage, last.pos) === last.epoch) {
    ack(ctx, from); // a duplicate of what we already hold
    return;
  }
  sendFetch(ctx); // a gap (messages lost) or a divergent log
}

export function onHeartbeat(ctx: Ctx, from: string, beat: Heartbeat): void {
  if (ctx.state.lifecycle === 'bootstrapping') return;
  // Links are FIFO: a heartbeat sent after entry p arrives after it, so holding less than the
  // heartbeat's position means entries were lost on the way.
  // Holding more than the heartbeat says means entries from an older leader: we may diverge.
  if (beat.lastPos !== lastPos(ctx.state.storage)) sendFetch(ctx);
  ack(ctx, from);
}

/**
 * Apply a catch-up batch. The batch says our log agrees with the leader's up to `truncateTo`;
 * each entry after that replaces ours only where the epochs differ, so nothing the leader also
 * has is ever discarded. Entries of an older epoch beyond the leader's last position cannot
 * have come from this leader (links are FIFO) and are discarded.
 */
export function onCatchUp(ctx: Ctx, from: string, msg: CatchUp): FollowerNews {
  const node = ctx.state;
  const { storage } = node;
  if (node.lifecycle === 'bootstrapping') return null;
  const dropped: LogEntry[] = [];
  let verified = msg.truncateTo;
  let blocked = false;
  for (const entry of msg.entries) {
    const have = epochAt(storage, entry.pos);
    if (have !== entry.epoch) {
      if (have !== undefined) dropped.push(...truncateAfter(storage, entry.pos - 1));
      if (entry.pos !== lastPos(storage) + 1) break;
      // Log formats: a WAL record of another engine version stops replication (no re-fetch).
      blocked = !appendReplicated(ctx, entry);
      if (blocked) break;
      ctx.emit('apply', entry.pos);
    }
    verified = entry.pos;
  }
  if (!blocked && verified >= msg.leaderLastPos && lastEpoch(storage) < msg.epoch) {
    dropped.push(...truncateAfter(storage, msg.leaderLastPos));
  }
  if (dropped.length > 0) {
    ctx.emit(
      'discard',
      dropped.map((e) => ({
        pos: e.pos,
        epoch: e.epoch,
        opId: e.opId,
        key: e.key,
        value: e.value,
      })),
    );
  }
  if (blocked) return null;
  node.fetchingUntil = 0;
  ack(ctx, from);
  if (verified < msg.leaderLastPos) {
    sendFetch(ctx, true);
    return null;
  }
  ctx.cancelTimer('fetch-retry');
  return node.lifecycle === 'active' ? null : 'caught-up';
}

export function onSnapshot(ctx: Ctx, msg: SnapshotMsg): FollowerNews {
  const node = ctx.state;
  installSnapshot(node.storage, msg.pos, msg.lastEpoch, msg.data);
  ctx.emit('snapshot-installed', msg.pos);
  ctx.cancelTimer('snapshot-retry');
  return node.lifecycle === 'bootstrapping' ? 'snapshot-installed' : null;
}
