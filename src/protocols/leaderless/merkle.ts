/**
 * Merkle trees over key ranges, as Dynamo's anti-entropy uses them: the hash space is cut into
 * `leaves` ranges; a leaf hashes the (key, copy digest) pairs that fall in its range, and the root
 * hashes the leaves. Two replicas with equal roots hold the same data; otherwise only the leaves
 * that differ need their keys exchanged.
 */
import { hash32 } from './hash';

export interface MerkleTree {
  root: number;
  leaves: number[];
}

/** The range (leaf) a key falls in. */
export function leafOf(key: string, leaves: number): number {
  return Math.floor((hash32(key) / 2 ** 32) * leaves);
}

/** The tree of `entries` (key → digest of its copy). */
export function buildTree(entries: Record<string, string>, leaves: number): MerkleTree {
  const texts: string[] = Array.from({ length: leaves }, () => '');
  for (const key of Object.keys(entries).sort()) {
    const leaf = leafOf(key, leaves);
    texts[leaf] += `${key}=${entries[key]};`;
  }
  const leafHashes = texts.map((t) => (t === '' ? 0 : hash32(t)));
  return { root: hash32(leafHashes.join(',')), leaves: leafHashes };
}

/** Leaves whose hashes differ (all of them if the trees have different shapes). */
export function differingLeaves(a: MerkleTree, b: MerkleTree): number[] {
  if (a.root === b.root && a.leaves.length === b.leaves.length) return [];
  const size = Math.max(a.leaves.length, b.leaves.length);
  const out: number[] = [];
  for (let i = 0; i < size; i++) if (a.leaves[i] !== b.leaves[i]) out.push(i);
  return out;
}
