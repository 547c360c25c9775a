import fc from 'fast-check';
import { expect, it } from 'vitest';
import { deriveStream, nextFloat } from './rng';

it('derives independent, reproducible streams', () => {
  fc.assert(
    fc.property(fc.integer(), (seed) => {
      const a = deriveStream(seed, 'link:a>b');
      const again = deriveStream(seed, 'link:a>b');
      const other = deriveStream(seed, 'link:a>c');
      const xs = Array.from({ length: 5 }, () => nextFloat(a));
      expect(Array.from({ length: 5 }, () => nextFloat(again))).toEqual(xs);
      expect(Array.from({ length: 5 }, () => nextFloat(other))).not.toEqual(xs);
      for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    }),
  );
});

it('spreads values roughly uniformly', () => {
  const s = deriveStream(42, 'uniformity');
  const buckets = new Array(10).fill(0);
  for (let i = 0; i < 100_000; i++) buckets[Math.floor(nextFloat(s) * 10)]++;
  for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
});
