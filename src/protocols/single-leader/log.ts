/**
 * The replication log and the data derived from it. Positions start at 1; entries after a
 * snapshot position are kept in `log`. Each entry records the epoch (leader term) that wrote it,
 * and an entry is identified by (position, epoch): one leader per epoch means two logs holding
 * the same (position, epoch) agree on everything before it.
 */
import { emptyArray } from '../../engine/arrays';
import type { ClientId, SimTimeMs, Value } from '../../engine/types';
import { applyPatch, type DataPatch } from './formats/patch';
import type { FormatChange } from './formats/settings';

export interface LogEntry {
  pos: number;
  epoch: number;
  key: string;
  value: Value;
  /** The client operation that produced it: how lost writes are traced back to clients. */
  opId: number;
  client: ClientId;
  /**
   * When the leader appended it, in simulated time (the observer's clock, not the leader's
   * skewed one). Only the view reads it, to tell how far behind in time a follower is.
   */
  appendedAt: SimTimeMs;
  /** Partition → log position this write causally depends on (causal-reads cure only). */
  deps?: Record<string, number>;
  /** Log formats: a statement write, as this cluster's format ships it (docs/log-formats.md). */
  change?: FormatChange;
}

/** A node's durable storage: a snapshot plus the log after it, and the data they produce. */
export interface Storage {
  snapshotPos: number;
  snapshotEpoch: number;
  snapshotData: Record<string, Value>;
  log: LogEntry[];
  data: Record<string, Value>;
  /** The epoch ranges of snapshot and log, kept up to date so a fetch never walks the log. */
  ranges: EpochRanges;
  /** Log formats: what each statement entry (by position) did to this node's data. */
  effects?: Record<number, DataPatch>;
}

export function emptyStorage(): Storage {
  return {
    snapshotPos: 0,
    snapshotEpoch: 0,
    snapshotData: {},
    log: emptyArray(),
    data: {},
    ranges: emptyArray(),
  };
}

export function lastPos(s: Storage): number {
  return s.snapshotPos + s.log.length;
}

/** Epoch of the entry at `pos` (0 for position 0), or undefined beyond the end. */
export function epochAt(s: Storage, pos: number): number | undefined {
  if (pos === s.snapshotPos) return s.snapshotEpoch;
  if (pos < s.snapshotPos) return undefined;
  return s.log[pos - s.snapshotPos - 1]?.epoch;
}

export function lastEpoch(s: Storage): number {
  return epochAt(s, lastPos(s)) ?? 0;
}

export function append(s: Storage, entry: LogEntry): void {
  s.log.push(entry);
  s.data[entry.key] = entry.value;
  extendRanges(s, entry);
}

/** Log formats: append a statement entry whose effect on this node's data is `patch`. */
export function appendFormatted(s: Storage, entry: LogEntry, patch: DataPatch): void {
  s.log.push(entry);
  applyPatch(s.data, patch);
  if (s.effects === undefined) s.effects = {};
  s.effects[entry.pos] = patch;
  extendRanges(s, entry);
}

function extendRanges(s: Storage, entry: LogEntry): void {
  const last = s.ranges[s.ranges.length - 1];
  if (last !== undefined && last[0] === entry.epoch) last[2] = entry.pos;
  else s.ranges.push([entry.epoch, entry.pos, entry.pos]);
}

/** Drop every entry after `pos`, rebuilding the data; returns what was dropped. */
export function truncateAfter(s: Storage, pos: number): LogEntry[] {
  const keep = Math.max(0, pos - s.snapshotPos);
  if (keep >= s.log.length) return [];
  const dropped = s.log.splice(keep);
  s.data = { ...s.snapshotData };
  for (const e of s.log) {
    const patch = e.change === undefined ? undefined : s.effects?.[e.pos];
    if (patch === undefined) s.data[e.key] = e.value;
    else applyPatch(s.data, patch);
  }
  for (const e of dropped) if (s.effects !== undefined) delete s.effects[e.pos];
  s.ranges = s.ranges
    .filter((r) => r[1] <= pos)
    .map(([e, first, last]) => [e, first, Math.min(last, pos)]);
  return dropped;
}

/** Replace everything with a snapshot taken at `pos`. */
export function installSnapshot(
  s: Storage,
  pos: number,
  epoch: number,
  data: Record<string, Value>,
): void {
  s.snapshotPos = pos;
  s.snapshotEpoch = epoch;
  s.snapshotData = { ...data };
  s.log = [];
  s.data = { ...data };
  s.ranges = pos > 0 ? [[epoch, pos, pos]] : [];
  if (s.effects !== undefined) s.effects = {};
}

/** The newest entry in the log (after the snapshot) that wrote `key`, if any. */
export function lastEntryFor(s: Storage, key: string): LogEntry | undefined {
  for (let i = s.log.length - 1; i >= 0; i--) if (s.log[i]?.key === key) return s.log[i];
  return undefined;
}

/** Entries from position `from` (inclusive), at most `limit` of them. */
export function entriesFrom(s: Storage, from: number, limit: number): LogEntry[] {
  const start = Math.max(0, from - s.snapshotPos - 1);
  return s.log.slice(start, start + limit);
}

/**
 * A compact summary of a log for divergence checks: for each epoch, the first and last positions
 * whose epoch the node knows (a snapshot tells only the epoch of its own last position).
 */
export type EpochRanges = Array<[epoch: number, first: number, last: number]>;

/** A copy of the storage's epoch ranges, to send in a message. */
export function epochRanges(s: Storage): EpochRanges {
  return s.ranges.map(([e, first, last]) => [e, first, last]);
}

/**
 * How much of a follower's log (summarised by its epoch ranges) agrees with the leader's:
 * the largest position p such that both hold the same entries up to p. One leader per epoch
 * means that two logs with the same epoch at a position agree on everything up to it, so it is
 * enough to find the last position where both know the same epoch.
 */
export function matchingPrefix(leader: Storage, follower: EpochRanges): number {
  const mine = new Map<number, [number, number]>();
  for (const [epoch, first, last] of leader.ranges) mine.set(epoch, [first, last]);
  let match = 0;
  for (const [epoch, first, last] of follower) {
    const range = mine.get(epoch);
    if (range === undefined) continue;
    const q = Math.min(last, range[1]);
    if (q >= Math.max(first, range[0])) match = Math.max(match, q);
  }
  return match;
}
