/**
 * The clients' history (Jepsen-style: each operation's invoke, then its ok, fail or info),
 * stored as columns like the trace and the message log (`columns.ts`): numbers in typed
 * arrays, names, values and protocol facts in plain arrays. Readers get `HistoryOp` objects.
 *
 * Columns, not an array of objects, because every client operation adds two entries that live
 * as long as the run. As objects they were about 40 MB of a 60 s benchmark run's old
 * generation, each allocated there directly (V8 had learnt they survive), and writing them was
 * the largest single line of the engine's profile. A row here is about half an object's bytes,
 * spread over columns that are written in order.
 *
 * The objects `historyOps` makes are kept (`objects`), so asking again costs only the entries
 * added since, and an entry keeps its identity until a truncation drops it.
 */
import {
  CHUNK_MASK,
  CHUNK_ROWS,
  type ChunkedLog,
  chunkOf,
  startChunk,
  truncateChunks,
} from './columns';
import type { ClientId, HistoryOp, NodeId, SimTimeMs, Value } from './types';

/** The columns of up to `CHUNK_ROWS` history entries. */
export interface HistoryChunk {
  /** `HistoryOp['type']` as its index in `HISTORY_TYPES`. */
  type: Uint8Array;
  /** `HistoryOp['f']`: 0 read, 1 write. */
  f: Uint8Array;
  opId: Int32Array;
  time: Float64Array;
  traceId: Int32Array;
  process: ClientId[];
  key: string[];
  value: Value[];
  node: Array<NodeId | undefined>;
  error: Array<string | undefined>;
  meta: Array<HistoryOp['meta']>;
}

export interface HistoryLog extends ChunkedLog<HistoryChunk> {
  /** The entries `historyOps` has made into objects so far: a prefix of the log. */
  objects: HistoryOp[];
}

/** The entry types by code: `INVOKE`, `OK`, `FAIL` and `INFO` index it. */
export const HISTORY_TYPES: ReadonlyArray<HistoryOp['type']> = ['invoke', 'ok', 'fail', 'info'];

/** Codes of the entry types, as `appendHistory` takes them. */
export const INVOKE = 0;
export const OK = 1;
export const FAIL = 2;
export const INFO = 3;

export function historyTypeCode(type: HistoryOp['type']): number {
  return HISTORY_TYPES.indexOf(type);
}

function newChunk(rows: number): HistoryChunk {
  // The reference columns start filled, so each stays one elements kind for V8.
  const refs = <T>(fill: T): T[] => new Array<T>(rows).fill(fill);
  return {
    type: new Uint8Array(rows),
    f: new Uint8Array(rows),
    opId: new Int32Array(rows),
    time: new Float64Array(rows),
    traceId: new Int32Array(rows),
    process: refs(''),
    key: refs(''),
    value: refs<Value>(null),
    node: refs<NodeId | undefined>(undefined),
    error: refs<string | undefined>(undefined),
    meta: refs<HistoryOp['meta']>(undefined),
  };
}

const newFullChunk = () => newChunk(CHUNK_ROWS);

export function emptyHistoryLog(): HistoryLog {
  // Never written: the first row starts a chunk, which replaces it.
  return { count: 0, chunks: [], tail: newChunk(0), objects: [] };
}

/** Append an entry (the engine's path: `type` as its code). Returns its index. */
export function appendHistory(
  log: HistoryLog,
  type: number,
  process: ClientId,
  opId: number,
  f: HistoryOp['f'],
  key: string,
  value: Value,
  time: SimTimeMs,
  node: NodeId | undefined,
  error: string | undefined,
  meta: HistoryOp['meta'],
  traceId: number,
): number {
  const i = log.count;
  const j = i & CHUNK_MASK;
  const c = j === 0 ? startChunk(log, i, newFullChunk) : log.tail;
  c.type[j] = type;
  c.f[j] = f === 'write' ? 1 : 0;
  c.opId[j] = opId;
  c.time[j] = time;
  c.traceId[j] = traceId;
  c.process[j] = process;
  c.key[j] = key;
  c.value[j] = value;
  c.node[j] = node;
  c.error[j] = error;
  c.meta[j] = meta;
  log.count = i + 1;
  return i;
}

/**
 * Append an entry given as an object (putting stashed entries back; tests). The object itself
 * becomes the entry's, when every entry before it has one, so a stash refilled after a seek
 * gives the view back the objects it had.
 */
export function pushHistoryOp(log: HistoryLog, op: HistoryOp): void {
  const i = appendHistory(
    log,
    historyTypeCode(op.type),
    op.process,
    op.opId,
    op.f,
    op.key,
    op.value,
    op.time,
    op.node,
    op.error,
    op.meta,
    op.traceId,
  );
  if (op.index === i && log.objects.length === i) log.objects.push(op);
}

/** Entry `i` (which the log has) as a new object. */
function buildEntry(log: HistoryLog, i: number): HistoryOp {
  const c = chunkOf(log, i);
  const j = i & CHUNK_MASK;
  return {
    index: i,
    type: HISTORY_TYPES[c.type[j] as number] as HistoryOp['type'],
    process: c.process[j] as ClientId,
    opId: c.opId[j] as number,
    f: c.f[j] === 1 ? 'write' : 'read',
    key: c.key[j] as string,
    value: c.value[j] as Value,
    time: c.time[j] as number,
    node: c.node[j],
    error: c.error[j],
    meta: c.meta[j],
    traceId: c.traceId[j] as number,
  };
}

/** Every entry, in order, as objects (made once each, then kept). */
export function historyOps(log: HistoryLog): readonly HistoryOp[] {
  const { objects } = log;
  for (let i = objects.length; i < log.count; i++) objects.push(buildEntry(log, i));
  return objects;
}

/** Entry `i`, or undefined past the end. */
export function historyAt(log: HistoryLog, i: number): HistoryOp | undefined {
  if (i < 0 || i >= log.count) return undefined;
  return log.objects[i] ?? buildEntry(log, i);
}

/** Keep the first `count` entries (restoring a checkpoint). */
export function truncateHistory(log: HistoryLog, count: number): void {
  truncateChunks(log, count);
  if (log.objects.length > count) log.objects.length = count;
}
