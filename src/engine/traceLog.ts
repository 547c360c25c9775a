/**
 * The stored trace entries (every entry but message sends and fates, and client operations,
 * which live on their message and history entry), as columns: numbers in typed arrays, names
 * and nodes as codes of a process-wide string table, details that are numbers in a column and
 * any other detail in a side table. A long run records hundreds of thousands of these (a
 * follower's `apply` for every entry); as objects they were a large part of what the garbage
 * collector had to copy and keep. Readers get `TraceEvent` objects on demand.
 */
import {
  CHUNK_MASK,
  CHUNK_ROWS,
  type ChunkedLog,
  chunkOf,
  startChunk,
  truncateChunks,
} from './columns';
import { hashString } from './rng';
import { TYPE_CODES } from './traceHash';
import type { EndpointId, TraceEvent, TraceType } from './types';

/** The columns of up to `CHUNK_ROWS` stored entries (see `columns.ts`). */
export interface TraceChunk {
  /** Trace id of each entry (ids are shared with messages and history, so not contiguous). */
  id: Int32Array;
  t: Float64Array;
  /** The type's code (`TYPE_CODES` in traceHash.ts). */
  type: Uint8Array;
  /** Code of the node's name (see `traceString`), -1 for none. */
  node: Int32Array;
  /** NaN for none. */
  msg: Float64Array;
  /** Code of the entry's name, -1 for none. */
  name: Int32Array;
  /** What `detail` holds: see `DETAIL_NONE`, `DETAIL_NUMBER`, `DETAIL_OTHER`. */
  detailKind: Uint8Array;
  detailNumber: Float64Array;
}

export interface TraceLog extends ChunkedLog<TraceChunk> {
  /** Details that are neither absent nor numbers, by entry index. */
  details: Map<number, unknown>;
  /**
   * How many times entries were cut off (a restore): a reader that scans the log incrementally
   * starts over when this changes, as the entries it saw may have been replaced.
   */
  cuts: number;
}

const DETAIL_NONE = 0;
const DETAIL_NUMBER = 1;
const DETAIL_OTHER = 2;

/** Every trace type. */
export const TRACE_TYPES: readonly TraceType[] = [
  'send',
  'deliver',
  'drop',
  'timer',
  'crash',
  'restart',
  'role',
  'client',
  'input',
  'protocol',
];
/** Trace types by code (`TYPE_CODES`). */
const typesByCode: TraceType[] = [];
for (const type of TRACE_TYPES) typesByCode[TYPE_CODES[type]] = type;

// Names and node ids are a small vocabulary: interned once per process, a cache and not state
// (the trace hash folds the strings' own hashes, never these codes).
const stringCodes = new Map<string, number>();
const strings: string[] = [];
const stringHashes: number[] = [];

/** The code of `text` in the trace's string table, giving it the next one if it has none. */
export function traceString(text: string): number {
  let code = stringCodes.get(text);
  if (code === undefined) {
    code = strings.length;
    stringCodes.set(text, code);
    strings.push(text);
    stringHashes.push(hashString(text));
  }
  return code;
}

/** `hashString` of the string with this code. */
export function traceStringHash(code: number): number {
  return stringHashes[code] as number;
}

function newChunk(rows: number): TraceChunk {
  return {
    id: new Int32Array(rows),
    t: new Float64Array(rows),
    type: new Uint8Array(rows),
    node: new Int32Array(rows),
    msg: new Float64Array(rows),
    name: new Int32Array(rows),
    detailKind: new Uint8Array(rows),
    detailNumber: new Float64Array(rows),
  };
}

const newFullChunk = () => newChunk(CHUNK_ROWS);

export function emptyTraceLog(): TraceLog {
  return {
    count: 0,
    chunks: [],
    // Never written: the first entry starts a chunk, which replaces it.
    tail: newChunk(0),
    details: new Map(),
    cuts: 0,
  };
}

/** Append an entry; `typeCode` is its type's code (`TYPE_CODES`), `node` and `name` string codes (-1 for none). */
export function pushTrace(
  log: TraceLog,
  id: number,
  t: number,
  typeCode: number,
  node: number,
  msg: number | undefined,
  name: number,
  detail: unknown,
): void {
  const i = log.count++;
  const j = i & CHUNK_MASK;
  const c = j === 0 ? startChunk(log, i, newFullChunk) : log.tail;
  c.id[j] = id;
  c.t[j] = t;
  c.type[j] = typeCode;
  c.node[j] = node;
  c.msg[j] = msg ?? Number.NaN;
  c.name[j] = name;
  if (detail === undefined) c.detailKind[j] = DETAIL_NONE;
  else if (typeof detail === 'number') {
    c.detailKind[j] = DETAIL_NUMBER;
    c.detailNumber[j] = detail;
  } else {
    c.detailKind[j] = DETAIL_OTHER;
    log.details.set(i, detail);
  }
}

/** Append an entry given as an object (putting stashed entries back). */
export function pushTraceEvent(log: TraceLog, e: TraceEvent): void {
  const node = e.node === undefined ? -1 : traceString(e.node);
  const name = e.name === undefined ? -1 : traceString(e.name);
  pushTrace(log, e.id, e.t, TYPE_CODES[e.type], node, e.msg, name, e.detail);
}

/** The i-th stored entry, as an object. */
export function traceEntryAt(log: TraceLog, i: number): TraceEvent {
  const c = chunkOf(log, i);
  const j = i & CHUNK_MASK;
  const node = c.node[j] as number;
  const msg = c.msg[j] as number;
  const name = c.name[j] as number;
  const kind = c.detailKind[j];
  return {
    id: c.id[j] as number,
    t: c.t[j] as number,
    type: typesByCode[c.type[j] as number] as TraceType,
    node: node < 0 ? undefined : (strings[node] as EndpointId),
    msg: Number.isNaN(msg) ? undefined : msg,
    name: name < 0 ? undefined : strings[name],
    detail:
      kind === DETAIL_NUMBER
        ? c.detailNumber[j]
        : kind === DETAIL_OTHER
          ? log.details.get(i)
          : undefined,
  };
}

/** Every stored entry from index `from` on, as objects, in id order. */
export function storedTrace(log: TraceLog, from = 0): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (let i = from; i < log.count; i++) out.push(traceEntryAt(log, i));
  return out;
}

/** The stored entries of `type` (and of `name`, if given), as objects, in id order. */
export function traceEntriesOf(log: TraceLog, type: TraceType, name?: string): TraceEvent[] {
  const typeCode = TYPE_CODES[type];
  const nameCode = name === undefined ? undefined : stringCodes.get(name);
  if (name !== undefined && nameCode === undefined) return [];
  const out: TraceEvent[] = [];
  for (let i = 0; i < log.count; i++) {
    const c = chunkOf(log, i);
    if (c.type[i & CHUNK_MASK] !== typeCode) continue;
    if (nameCode !== undefined && c.name[i & CHUNK_MASK] !== nameCode) continue;
    out.push(traceEntryAt(log, i));
  }
  return out;
}

/** The protocol events called `name` (`ctx.emit(name, ...)`), as objects, in id order. */
export function protocolEntries(log: TraceLog, name: string): TraceEvent[] {
  return traceEntriesOf(log, 'protocol', name);
}

/** Forget every entry from index `count` on (restoring a checkpoint). */
export function truncateTrace(log: TraceLog, count: number): void {
  if (count >= log.count) return;
  for (const i of log.details.keys()) if (i >= count) log.details.delete(i);
  truncateChunks(log, count);
  log.cuts++;
}
