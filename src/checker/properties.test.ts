import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory, feedChecker, newChecker } from './index';
import { corrupt, plansArb, registerHistory } from './testing/registerHistory';

describe('checker properties', () => {
  it('finds nothing in a history of a single up-to-date copy, wherever concurrent operations took effect', () => {
    fc.assert(
      fc.property(plansArb, (plans) => {
        const history = registerHistory(plans);
        expect(checkHistory(history, { staleReadBoundMs: 0 })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same anomalies whether fed at once or in pieces', () => {
    let sawSome = false;
    fc.assert(
      fc.property(
        plansArb,
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
        (plans, picks, chunks) => {
          const history = corrupt(registerHistory(plans), picks);
          const whole = checkHistory(history);
          const checker = newChecker();
          for (let n = 0, c = 0; n < history.length; c++) {
            n = Math.min(history.length, n + (chunks[c % chunks.length] as number));
            feedChecker(checker, history.slice(0, n));
          }
          const id = (f: { kind: string; ops: number[] }) => `${f.kind}:${f.ops.join(',')}`;
          const byOps = (a: { kind: string; ops: number[] }, b: { kind: string; ops: number[] }) =>
            id(a) < id(b) ? -1 : 1;
          expect([...checker.findings].sort(byOps)).toEqual([...whole].sort(byOps));
          if (whole.length > 0) sawSome = true;
        },
      ),
      { numRuns: 200 },
    );
    expect(sawSome).toBe(true);
  });
});
