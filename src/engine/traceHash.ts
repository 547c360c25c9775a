/**
 * Incremental trace hash: every trace entry folds its identifying fields into one 32-bit value,
 * so two runs are bit-identical exactly when their hashes (and lengths) agree.
 */
import { hashString } from './rng';
import type { TraceEvent } from './types';

const stringHashes = new Map<string, number>();

function cachedHash(text: string): number {
  let h = stringHashes.get(text);
  if (h === undefined) {
    h = hashString(text);
    stringHashes.set(text, h);
  }
  return h;
}

function fold(h: number, x: number): number {
  return Math.imul(h ^ (x | 0), 0x01000193) >>> 0;
}

/** The hash of the trace before any entry. */
export const EMPTY_TRACE_HASH = 0x811c9dc5;

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
  let h = fold(hash, t);
  h = fold(h, cachedHash(type));
  if (node !== undefined) h = fold(h, cachedHash(node));
  if (msg !== undefined) h = fold(h, msg);
  if (name !== undefined) h = fold(h, cachedHash(name));
  if (typeof detail === 'number') h = fold(h, detail);
  else if (typeof detail === 'string') h = fold(h, hashString(detail));
  return h;
}

/** `foldTrace` for an entry object. */
export function foldTraceEvent(hash: number, e: TraceEvent): number {
  return foldTrace(hash, e.t, e.type, e.node, e.msg, e.name, e.detail);
}

/** Hex form used in reports. */
export function formatHash(hash: number): string {
  return hash.toString(16).padStart(8, '0');
}
