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
export function foldTraceEvent(hash: number, event: TraceEvent): number {
  let h = fold(hash, event.t);
  h = fold(h, cachedHash(event.type));
  if (event.node !== undefined) h = fold(h, cachedHash(event.node));
  if (event.msg !== undefined) h = fold(h, event.msg);
  if (event.name !== undefined) h = fold(h, cachedHash(event.name));
  const d = event.detail;
  if (typeof d === 'number') h = fold(h, d);
  else if (typeof d === 'string') h = fold(h, hashString(d));
  return h;
}

/** Hex form used in reports. */
export function formatHash(hash: number): string {
  return hash.toString(16).padStart(8, '0');
}
