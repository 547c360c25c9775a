import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory } from './index';
import {
  bruteCausalReads,
  bruteSessionOrder,
  type SessionOrderFinding,
} from './testing/causalBruteForce';
import { laggingPlansArb, registerHistory } from './testing/registerHistory';

const id = (f: SessionOrderFinding) => `${f.kind}:${f.ops.join(',')}`;
const ids = (findings: SessionOrderFinding[]) => findings.map(id).sort();

// The histories must break each guarantee often, or agreeing with brute force says little.
describe('happens-before checks against brute force, on histories of lagging replicas', () => {
  it('finds exactly the monotonic-writes and writes-follow-reads findings', () => {
    const seen = { 'monotonic-writes': 0, 'writes-follow-reads': 0 };
    fc.assert(
      fc.property(laggingPlansArb, (plans) => {
        const history = registerHistory(plans);
        const expected = bruteSessionOrder(history);
        const found = checkHistory(history).filter(
          (f): f is typeof f & SessionOrderFinding =>
            f.kind === 'monotonic-writes' || f.kind === 'writes-follow-reads',
        );
        expect(ids(found)).toEqual(ids(expected));
        for (const f of expected) seen[f.kind]++;
      }),
      { numRuns: 400 },
    );
    expect(seen['monotonic-writes']).toBeGreaterThan(20);
    expect(seen['writes-follow-reads']).toBeGreaterThan(5);
  });

  it('reports causality broken by exactly the reads brute force finds', () => {
    let broken = 0;
    fc.assert(
      fc.property(laggingPlansArb, (plans) => {
        const history = registerHistory(plans);
        const expected = bruteCausalReads(history);
        const found = checkHistory(history)
          .filter((f) => f.kind === 'causal')
          .map((f) => f.ops[f.ops.length - 1] as number);
        expect(found.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
        broken += expected.length;
      }),
      { numRuns: 400 },
    );
    expect(broken).toBeGreaterThan(100);
  });
});
