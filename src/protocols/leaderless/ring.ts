/**
 * The consistent-hashing ring: each node owns several virtual-node tokens on a 32-bit circle, and
 * a key belongs to the first distinct nodes met walking clockwise from the key's hash. The first
 * n of that walk are the key's home replicas (its preference list); the rest are where a sloppy
 * quorum finds stand-ins. Adding a node only inserts it into walks: every other node keeps its
 * relative order, so only the keys it takes over move.
 */
import type { NodeId } from '../../engine/types';
import { hash32 } from './hash';

export interface Token {
  pos: number;
  node: NodeId;
}

/** Tokens sorted by position (ties broken by node id, so the order never depends on input order). */
export interface Ring {
  tokens: readonly Token[];
  nodes: readonly NodeId[];
}

const rings = new Map<string, Ring>();

/** The ring of `nodes` with `vnodes` tokens each (memoised: rings are pure values of their inputs). */
export function buildRing(nodes: readonly NodeId[], vnodes: number): Ring {
  const memoKey = `${vnodes}|${nodes.join('\u0000')}`;
  const known = rings.get(memoKey);
  if (known !== undefined) return known;
  const tokens: Token[] = [];
  for (const node of nodes) {
    for (let i = 0; i < vnodes; i++) tokens.push({ pos: hash32(`${node}#${i}`), node });
  }
  tokens.sort((a, b) => a.pos - b.pos || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  const ring = { tokens, nodes: [...nodes] };
  // A cluster has one ring at a time (two around an add-node); tests build many, so stay small.
  if (rings.size >= 64) rings.clear();
  rings.set(memoKey, ring);
  return ring;
}

/** Index of the first token at or after `pos`, wrapping to 0. */
function firstTokenAt(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as Token).pos < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo === tokens.length ? 0 : lo;
}

/** Every node of the ring, in the order a walk from the key's position meets them. */
export function walkFrom(ring: Ring, key: string): NodeId[] {
  const { tokens } = ring;
  const out: NodeId[] = [];
  if (tokens.length === 0) return out;
  const seen = new Set<NodeId>();
  const start = firstTokenAt(tokens, hash32(key));
  for (let i = 0; i < tokens.length && out.length < ring.nodes.length; i++) {
    const node = (tokens[(start + i) % tokens.length] as Token).node;
    if (!seen.has(node)) {
      seen.add(node);
      out.push(node);
    }
  }
  return out;
}

/** A key's home replicas and, after them, the stand-ins a sloppy quorum may use, in order. */
export interface Placement {
  home: NodeId[];
  spares: NodeId[];
}

export function placement(ring: Ring, key: string, n: number): Placement {
  const walk = walkFrom(ring, key);
  return { home: walk.slice(0, n), spares: walk.slice(n) };
}
