import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRing, placement, walkFrom } from './ring';

const nodesArb = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,4}$/), {
  minLength: 1,
  maxLength: 7,
});
const keyArb = fc.string({ maxLength: 12 });

describe('the consistent-hashing ring', () => {
  it('a walk meets every node exactly once, whatever order the nodes were listed in', () => {
    fc.assert(
      fc.property(nodesArb, keyArb, fc.integer({ min: 1, max: 16 }), (nodes, key, vnodes) => {
        const walk = walkFrom(buildRing(nodes, vnodes), key);
        expect([...walk].sort()).toEqual([...nodes].sort());
        expect(walkFrom(buildRing([...nodes].reverse(), vnodes), key)).toEqual(walk);
      }),
    );
  });

  it('places a key on min(n, nodes) home replicas, and the rest are spares', () => {
    fc.assert(
      fc.property(nodesArb, keyArb, fc.integer({ min: 1, max: 8 }), (nodes, key, n) => {
        const { home, spares } = placement(buildRing(nodes, 8), key, n);
        expect(home).toHaveLength(Math.min(n, nodes.length));
        expect([...home, ...spares].sort()).toEqual([...nodes].sort());
      }),
    );
  });

  it('adding a node only inserts it into walks: the others keep their order', () => {
    fc.assert(
      fc.property(
        nodesArb,
        fc.string({ minLength: 1, maxLength: 5 }),
        keyArb,
        (nodes, extra, key) => {
          fc.pre(!nodes.includes(extra));
          const before = walkFrom(buildRing(nodes, 8), key);
          const after = walkFrom(buildRing([...nodes, extra], 8), key);
          expect(after.filter((id) => id !== extra)).toEqual(before);
        },
      ),
    );
  });

  it('spreads keys over the nodes (no node is first for almost every key)', () => {
    const ring = buildRing(['n1', 'n2', 'n3', 'n4', 'n5'], 8);
    const firsts: Record<string, number> = {};
    for (let i = 0; i < 1000; i++) {
      const first = walkFrom(ring, `key-${i}`)[0] as string;
      firsts[first] = (firsts[first] ?? 0) + 1;
    }
    for (const node of ['n1', 'n2', 'n3', 'n4', 'n5']) {
      expect(firsts[node] ?? 0).toBeGreaterThan(80);
      expect(firsts[node] ?? 0).toBeLessThan(400);
    }
  });
});
