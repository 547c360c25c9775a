/**
 * Version vectors: one counter per replica (the replica that coordinated a write bumps its own
 * entry). Pure functions over plain records, so vectors ride in messages and checkpoints as is.
 * A missing entry means 0; vectors never store zeros, so equal vectors are equal records.
 */
import type { NodeId } from '../../engine/types';

export type VersionVector = Readonly<Record<NodeId, number>>;

/** One write's identity: the replica that coordinated it and that replica's counter. */
export interface Dot {
  node: NodeId;
  counter: number;
}

/** How two vectors relate: a happened before b, after it, they are equal, or concurrent. */
export type Order = 'before' | 'after' | 'equal' | 'concurrent';

export const EMPTY_VV: VersionVector = Object.freeze({});

/** Is every entry of a at most the same entry of b (a ≤ b)? */
export function leq(a: VersionVector, b: VersionVector): boolean {
  for (const node in a) if ((a[node] ?? 0) > (b[node] ?? 0)) return false;
  return true;
}

export function compare(a: VersionVector, b: VersionVector): Order {
  const ab = leq(a, b);
  const ba = leq(b, a);
  if (ab && ba) return 'equal';
  if (ab) return 'before';
  if (ba) return 'after';
  return 'concurrent';
}

/** The least upper bound: entry-wise maximum. */
export function merge(a: VersionVector, b: VersionVector): VersionVector {
  const out: Record<NodeId, number> = { ...a };
  for (const node in b) {
    const v = b[node] ?? 0;
    if (v > (out[node] ?? 0)) out[node] = v;
  }
  return sortedVector(out);
}

/** Has a replica with vector `vv` seen the write `dot`? */
export function covers(vv: VersionVector, dot: Dot): boolean {
  return (vv[dot.node] ?? 0) >= dot.counter;
}

/** Keys in order, zeros dropped: equal vectors then print (and hash) the same. */
export function sortedVector(vv: Record<NodeId, number>): VersionVector {
  const out: Record<NodeId, number> = {};
  for (const node of Object.keys(vv).sort()) {
    const v = vv[node] ?? 0;
    if (v > 0) out[node] = v;
  }
  return out;
}

export function dotLabel(dot: Dot): string {
  return `${dot.node}:${dot.counter}`;
}

/** `{n1:2, n2:1}` as compact text, e.g. for the inspector and the report. */
export function vectorLabel(vv: VersionVector): string {
  const parts = Object.keys(vv)
    .sort()
    .map((node) => `${node}:${vv[node]}`);
  return `{${parts.join(', ')}}`;
}
