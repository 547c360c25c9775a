/**
 * A 32-bit FNV-1a hash of a string: places keys and virtual nodes on the ring and summarises
 * Merkle tree leaves. Deterministic everywhere (no platform hashing), and, with a finaliser, spreads short ids well.
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // FNV alone leaves similar short strings (`n1#0`, `n1#1`) close together on the ring; the
  // MurmurHash3 finaliser spreads them.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
