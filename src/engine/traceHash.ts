/**
 * Incremental trace hash: every trace entry folds its identifying fields into one 32-bit value,
 * so two runs are bit-identical exactly when their hashes (and lengths) agree.
 *
 * The running hash is kept as a signed 32-bit integer, which V8 stores as a small integer; as
 * an unsigned one, half its values would be heap numbers, one allocated for every fold (several
 * per event). Reports show it unsigned, in hex (`formatHash`).
 */
import { hashString } from './rng';
import type { TraceEvent, TraceType } from './types';

const stringHashes = new Map<string, number>();

/** `hashString`, remembered: trace names and node ids are a small vocabulary. */
export function cachedHash(text: string): number {
  let h = stringHashes.get(text);
  if (h === undefined) {
    h = hashString(text);
    stringHashes.set(text, h);
  }
  return h;
}

/** FNV-1a's prime: each field is folded as `h = (h ^ x) * FNV_PRIME` in 32 bits. */
const FNV_PRIME = 0x01000193;

/** The hash of the trace before any entry. */
export const EMPTY_TRACE_HASH = 0x811c9dc5 | 0;

/**
 * Each trace type's code: what the hash folds for it, and what the trace log stores. Never
 * change one: every recorded trace hash depends on them.
 */
export const TYPE_CODES: Readonly<Record<TraceType, number>> = {
  send: 1,
  deliver: 2,
  drop: 3,
  timer: 4,
  crash: 5,
  restart: 6,
  role: 7,
  client: 8,
  input: 9,
  protocol: 10,
};

/** Trace-type codes of a message's entries, for `foldMessage`. */
export const SEND = TYPE_CODES.send;
export const DELIVER = TYPE_CODES.deliver;
export const DROP = TYPE_CODES.drop;
/** Codes of the entries recorded for every client operation and every protocol event. */
export const CLIENT = TYPE_CODES.client;
export const PROTOCOL = TYPE_CODES.protocol;

/**
 * A message's send, delivery or drop: the message id already names its ends, so only the time,
 * the kind of entry (`SEND`, `DELIVER` or `DROP`), the id and the hash of the message kind (or
 * drop reason) are folded. This is the hottest path of the engine: callers pass codes and
 * precomputed hashes so that it looks nothing up.
 */
export function foldMessage(
  hash: number,
  t: number,
  typeCode: number,
  msg: number,
  nameHash: number,
): number {
  // `fold` four times, written out on signed 32-bit intermediates: a uint32 is not a small
  // integer to V8, so each nested call that is not inlined returned a freshly boxed number.
  let h = Math.imul(hash ^ (t | 0), FNV_PRIME);
  h = Math.imul(h ^ (typeCode | 0), FNV_PRIME);
  h = Math.imul(h ^ (msg | 0), FNV_PRIME);
  return Math.imul(h ^ (nameHash | 0), FNV_PRIME);
}

/** Fold one trace entry into the running hash. Details are folded only when they are scalars. */
export function foldTrace(
  hash: number,
  t: number,
  type: string,
  node: string | undefined,
  msg: number | undefined,
  name: string | undefined,
  detail: unknown,
): number {
  if (
    (type === 'send' || type === 'deliver' || type === 'drop') &&
    msg !== undefined &&
    name !== undefined
  ) {
    return foldMessage(hash, t, TYPE_CODES[type], msg, cachedHash(name));
  }
  const nodeHash = node === undefined ? undefined : cachedHash(node);
  const nameHash = name === undefined ? undefined : cachedHash(name);
  return foldEntry(hash, t, TYPE_CODES[type as TraceType], nodeHash, msg, nameHash, detail);
}

/**
 * `foldTrace` for an entry that is not a message's (so never the `foldMessage` form), with its
 * type as its code (`TYPE_CODES`) and the node's and name's string hashes already known: the
 * hot callers pass constants, so nothing is looked up by name.
 */
export function foldEntry(
  hash: number,
  t: number,
  typeCode: number,
  nodeHash: number | undefined,
  msg: number | undefined,
  nameHash: number | undefined,
  detail: unknown,
): number {
  // As in `foldMessage`: signed 32-bit steps throughout.
  let h = Math.imul(hash ^ (t | 0), FNV_PRIME);
  h = Math.imul(h ^ typeCode, FNV_PRIME);
  if (nodeHash !== undefined) h = Math.imul(h ^ (nodeHash | 0), FNV_PRIME);
  if (msg !== undefined) h = Math.imul(h ^ (msg | 0), FNV_PRIME);
  if (nameHash !== undefined) h = Math.imul(h ^ (nameHash | 0), FNV_PRIME);
  if (typeof detail === 'number') h = Math.imul(h ^ (detail | 0), FNV_PRIME);
  else if (typeof detail === 'string') h = Math.imul(h ^ (hashString(detail) | 0), FNV_PRIME);
  return h;
}

/** `foldTrace` for an entry object. */
export function foldTraceEvent(hash: number, e: TraceEvent): number {
  return foldTrace(hash, e.t, e.type, e.node, e.msg, e.name, e.detail);
}

/** Hex form used in reports. */
export function formatHash(hash: number): string {
  return (hash >>> 0).toString(16).padStart(8, '0');
}
