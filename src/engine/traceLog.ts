/**
 * The stored trace entries (every entry but message sends and fates, and client operations,
 * which live on their message and history entry), as columns: numbers in typed arrays, names
 * and nodes as codes of a process-wide string table, details that are numbers in a column and
 * any other detail in a side table. A long run records hundreds of thousands of these (a
 * follower's `apply` for every entry); as objects they were a large part of what the garbage
 * collector had to copy and keep. Readers get `TraceEvent` objects on demand.
 */
import { grown } from './columns';
import { hashString } from './rng';
import { TYPE_CODES } from './traceHash';
import type { EndpointId, TraceEvent, TraceType } from './types';

export interface TraceLog {
  count: number;
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

const INITIAL_CAPACITY = 256;

export function emptyTraceLog(): TraceLog {
  const n = INITIAL_CAPACITY;
  return {
    count: 0,
    id: new Int32Array(n),
    t: new Float64Array(n),
    type: new Uint8Array(n),
    node: new Int32Array(n),
    msg: new Float64Array(n),
    name: new Int32Array(n),
    detailKind: new Uint8Array(n),
    detailNumber: new Float64Array(n),
    details: new Map(),
    cuts: 0,
  };
}

/** Grow every column, field by field (a computed key would make the log a dictionary). */
function grow(log: TraceLog): void {
  log.id = grown(log.id);
  log.t = grown(log.t);
  log.type = grown(log.type);
  log.node = grown(log.node);
  log.msg = grown(log.msg);
  log.name = grown(log.name);
  log.detailKind = grown(log.detailKind);
  log.detailNumber = grown(log.detailNumber);
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
  if (log.count === log.id.length) grow(log);
  const i = log.count++;
  log.id[i] = id;
  log.t[i] = t;
  log.type[i] = typeCode;
  log.node[i] = node;
  log.msg[i] = msg ?? Number.NaN;
  log.name[i] = name;
  if (detail === undefined) log.detailKind[i] = DETAIL_NONE;
  else if (typeof detail === 'number') {
    log.detailKind[i] = DETAIL_NUMBER;
    log.detailNumber[i] = detail;
  } else {
    log.detailKind[i] = DETAIL_OTHER;
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
  const node = log.node[i] as number;
  const msg = log.msg[i] as number;
  const name = log.name[i] as number;
  const kind = log.detailKind[i];
  return {
    id: log.id[i] as number,
    t: log.t[i] as number,
    type: typesByCode[log.type[i] as number] as TraceType,
    node: node < 0 ? undefined : (strings[node] as EndpointId),
    msg: Number.isNaN(msg) ? undefined : msg,
    name: name < 0 ? undefined : strings[name],
    detail:
      kind === DETAIL_NUMBER
        ? log.detailNumber[i]
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
    if (log.type[i] !== typeCode) continue;
    if (nameCode !== undefined && log.name[i] !== nameCode) continue;
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
  log.count = count;
  log.cuts++;
}
