import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thinCheckpoints } from './checkpointPolicy';

const policy = { every: 10, max: 8 };

describe('checkpoint thinning', () => {
  it('keeps at most max, always the first and the last, in order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: 0, maxLength: 60 }),
        fc.integer({ min: 0, max: 100_000 }),
        (rest, current) => {
          const positions = [0, ...rest.sort((a, b) => a - b)];
          const kept = thinCheckpoints(positions, current, policy);
          expect(kept.length).toBe(Math.min(positions.length, policy.max));
          expect(kept[0]).toBe(0);
          expect(kept[kept.length - 1]).toBe(positions.length - 1);
          for (let i = 1; i < kept.length; i++) {
            expect(kept[i] as number).toBeGreaterThan(kept[i - 1] as number);
          }
        },
      ),
    );
  });

  it('keeps checkpoints dense near the current position and sparse far from it', () => {
    const positions = Array.from({ length: 101 }, (_, i) => i * 10);
    const kept = thinCheckpoints(positions, 1000, policy).map((k) => positions[k] as number);
    const gaps = kept.slice(1).map((p, i) => p - (kept[i] as number));
    // Walking back from the current position (the frontier), gaps never shrink.
    for (let i = 1; i < gaps.length; i++) {
      expect(gaps[i - 1] as number).toBeGreaterThanOrEqual(gaps[i] as number);
    }
    expect(gaps[gaps.length - 1]).toBeLessThanOrEqual(2 * policy.every);
    expect(gaps[0]).toBeGreaterThan(10 * policy.every);
  });
});
