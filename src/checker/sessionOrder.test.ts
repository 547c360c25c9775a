import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory } from './index';
import { laggingPlansArb, registerHistory } from './testing/registerHistory';
import { bruteSessionOrder, type SessionOrderFinding } from './testing/sessionOrderBruteForce';

const id = (f: SessionOrderFinding) => `${f.kind}:${f.ops.join(',')}`;
const ids = (findings: SessionOrderFinding[]) => findings.map(id).sort();

describe('monotonic writes and writes-follow-reads', () => {
  it('finds exactly what brute force finds, on histories of lagging replicas', () => {
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
    // The histories must exercise both checks, or the agreement says little.
    expect(seen['monotonic-writes']).toBeGreaterThan(20);
    expect(seen['writes-follow-reads']).toBeGreaterThan(5);
  });
});
