/**
 * A 32-bit hash of a string that places keys and virtual nodes on the ring and summarises Merkle
 * tree leaves: the engine's FNV-1a, then the MurmurHash3 finaliser, because FNV alone leaves
 * similar short strings (`n1#0`, `n1#1`) close together on the ring.
 */
import { hashString } from '../../engine/rng';

export function hash32(text: string): number {
  let h = hashString(text);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
