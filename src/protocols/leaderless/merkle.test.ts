import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTree, differingLeaves, leafOf } from './merkle';

const entriesArb = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.string({ maxLength: 4 }),
);

describe('Merkle trees over key ranges', () => {
  it('equal data gives equal trees, whatever order keys were added in', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const reversed = Object.fromEntries(Object.entries(entries).reverse());
        expect(buildTree(reversed, 8)).toEqual(buildTree(entries, 8));
        expect(differingLeaves(buildTree(entries, 8), buildTree(reversed, 8))).toEqual([]);
      }),
    );
  });

  it('a changed or missing key shows up in exactly its own range', () => {
    fc.assert(
      fc.property(entriesArb, fc.string({ minLength: 1, maxLength: 6 }), (entries, key) => {
        const changed = { ...entries, [key]: `${entries[key] ?? ''}!` };
        const diff = differingLeaves(buildTree(entries, 8), buildTree(changed, 8));
        expect(diff).toEqual([leafOf(key, 8)]);
      }),
    );
  });
});
