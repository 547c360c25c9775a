/**
 * Trigger-based replication's separate process: the leader's trigger has written each change
 * to a changes table (the leader's log, here); a replication process ships the changes once
 * they are `triggerDelayMs` old, on the leader's heartbeat tick. Followers hear of nothing the
 * process has not shipped: heartbeats and catch-up stop at the shipped position.
 */

import type { SingleLeaderConfig } from '../config';
import { epochAt, type LogEntry, lastPos } from '../log';
import type { Replicate } from '../messages';
import type { Ctx, SingleLeaderNode } from '../state';
import { sendToFollowers } from '../state';
import { formatSettings, formatState } from './nodeFormat';

/** Does the leader ship each write as it is accepted (every format but trigger-based)? */
export function shipsAtOnce(ctx: Ctx): boolean {
  return ctx.config.logFormat?.format !== 'trigger';
}

/**
 * How far followers may see the leader's log. Entries of older epochs came from earlier
 * leaders, so they count as shipped.
 */
export function shippedPos(ctx: Ctx): number {
  if (shipsAtOnce(ctx)) return lastPos(ctx.state.storage);
  return shippedPosOf(ctx.state, ctx.config);
}

/** `shippedPos` for any node, from its state alone (the inspector reads it too). */
export function shippedPosOf(node: SingleLeaderNode, config: SingleLeaderConfig): number {
  const { storage, epoch } = node;
  let older = storage.snapshotPos;
  for (const [e, , end] of storage.ranges) if (e < epoch) older = Math.max(older, end);
  return Math.min(lastPos(storage), Math.max(formatState(node, config).shippedPos, older));
}

/** The replication process's poll: ship every change old enough, as one batch. */
export function shipDueChanges(ctx: Ctx): void {
  if (shipsAtOnce(ctx)) return;
  const { storage, epoch } = ctx.state;
  const from = shippedPos(ctx);
  const delay = formatSettings(ctx.config).triggerDelayMs;
  const entries: LogEntry[] = [];
  for (let i = from - storage.snapshotPos; i < storage.log.length; i++) {
    const entry = storage.log[i] as LogEntry;
    if (entry.appendedAt + delay > ctx.now) break;
    entries.push(entry);
  }
  const lastEntry = entries[entries.length - 1];
  if (lastEntry === undefined) return;
  const message: Replicate = {
    epoch,
    leader: ctx.self,
    prevPos: from,
    prevEpoch: epochAt(storage, from) ?? 0,
    entries,
  };
  sendToFollowers(ctx, 'replicate', message);
  formatState(ctx.state, ctx.config).shippedPos = lastEntry.pos;
  ctx.emit('changes-shipped', `${from + 1}..${lastEntry.pos}`);
}
