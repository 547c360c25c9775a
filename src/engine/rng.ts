/**
 * Seeded pseudo-random streams. A stream's whole state is one 32-bit integer kept in the
 * simulation state, so it is cloned with checkpoints and never hidden in a closure.
 * Each subsystem (every link, the workload, each protocol) draws from its own stream derived
 * from the run seed and the stream's name, so adding client operations does not reshuffle
 * network jitter on unrelated links.
 */

/** A stream: its state lives in `s` and advances on every draw. */
export interface RngStream {
  s: number;
}

/** Hash a string to 32 bits (FNV-1a), used to name streams. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mix two 32-bit integers into a well-spread seed (murmur3 finaliser). */
function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The stream called `name` for run `seed`. */
export function deriveStream(seed: number, name: string): RngStream {
  return { s: mix(seed >>> 0, hashString(name)) };
}

/** Next float in [0, 1) (mulberry32). */
export function nextFloat(stream: RngStream): number {
  stream.s = (stream.s + 0x6d2b79f5) | 0;
  let t = stream.s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Next integer in [0, n). */
export function nextInt(stream: RngStream, n: number): number {
  return Math.floor(nextFloat(stream) * n);
}

/** A uniformly chosen element of a non-empty array. */
export function pick<T>(stream: RngStream, items: readonly T[]): T {
  const item = items[nextInt(stream, items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
