import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, covers, leq, merge, sortedVector, type VersionVector } from './versionVector';

const vvArb: fc.Arbitrary<VersionVector> = fc
  .dictionary(fc.constantFrom('n1', 'n2', 'n3', 'n4'), fc.integer({ min: 0, max: 4 }))
  .map(sortedVector);

describe('version vectors', () => {
  it('≤ is a partial order: reflexive, antisymmetric, transitive', () => {
    fc.assert(
      fc.property(vvArb, vvArb, vvArb, (a, b, c) => {
        expect(leq(a, a)).toBe(true);
        if (leq(a, b) && leq(b, a)) expect(a).toEqual(b);
        if (leq(a, b) && leq(b, c)) expect(leq(a, c)).toBe(true);
      }),
    );
  });

  it('merge is the least upper bound', () => {
    fc.assert(
      fc.property(vvArb, vvArb, vvArb, (a, b, c) => {
        const m = merge(a, b);
        expect(leq(a, m) && leq(b, m)).toBe(true);
        if (leq(a, c) && leq(b, c)) expect(leq(m, c)).toBe(true);
        expect(merge(b, a)).toEqual(m);
        expect(merge(a, a)).toEqual(a);
        expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)));
      }),
    );
  });

  it('compare is consistent with ≤ and symmetric', () => {
    const mirror = { before: 'after', after: 'before', equal: 'equal', concurrent: 'concurrent' };
    fc.assert(
      fc.property(vvArb, vvArb, (a, b) => {
        const ab = compare(a, b);
        expect(compare(b, a)).toBe(mirror[ab]);
        expect(ab === 'equal').toBe(leq(a, b) && leq(b, a));
        expect(ab === 'concurrent').toBe(!leq(a, b) && !leq(b, a));
      }),
    );
  });

  it('a vector covers exactly the dots at or below its entries', () => {
    fc.assert(
      fc.property(
        vvArb,
        fc.constantFrom('n1', 'n2', 'n5'),
        fc.integer({ min: 1, max: 5 }),
        (a, node, counter) => {
          expect(covers(a, { node, counter })).toBe((a[node] ?? 0) >= counter);
          expect(covers(merge(a, { [node]: counter }), { node, counter })).toBe(true);
        },
      ),
    );
  });

  it('zero entries are dropped, so equal vectors are equal records', () => {
    expect(sortedVector({ n2: 1, n1: 0 })).toEqual({ n2: 1 });
    expect(compare({ n1: 0 }, {})).toBe('equal');
  });
});
