import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConflictStrategy, ValueKind } from './config';
import { historyArb, playHistory, replay } from './testing';
import { readKey } from './values';

const STRATEGIES: ConflictStrategy[] = [
  'lww',
  'highest-replica',
  'merge',
  'siblings',
  { custom: 'keep-larger' },
  { custom: 'concatenate' },
];

const VALUES: Record<ValueKind, fc.Arbitrary<string | number>> = {
  register: fc.constantFrom('A', 'B', 'C', 'D', 7, 9),
  counter: fc.integer({ min: -3, max: 5 }),
  set: fc.constantFrom('milk', 'eggs', '-milk', '-eggs', 'ham'),
  text: fc.constantFrom('ab', '+0:X', '+1:yz', '-0:1', '-1:2', 'q'),
  list: fc.constantFrom('hi', 'ok?', 'bye'),
};

/** Every ordering of the same changes, as a shuffled copy. */
const shuffled = <T>(items: readonly T[]) =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

describe('a key applied in any order ends the same', () => {
  for (const kind of Object.keys(VALUES) as ValueKind[]) {
    const strategies = kind === 'register' ? STRATEGIES : ['lww' as const];
    for (const strategy of strategies) {
      it(`${kind} under ${JSON.stringify(strategy)}`, () => {
        fc.assert(
          fc.property(
            historyArb(VALUES[kind]).chain((steps) => {
              const changes = playHistory(kind, strategy, steps);
              return fc.tuple(fc.constant(changes), shuffled(changes));
            }),
            ([inOrder, permuted]) => {
              const a = readKey(replay(kind, strategy, inOrder), strategy);
              const b = readKey(replay(kind, strategy, permuted), strategy);
              expect(b).toEqual(a);
            },
          ),
          { numRuns: 150 },
        );
      });
    }
  }
});
