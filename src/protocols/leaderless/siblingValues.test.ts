import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSet, decodeSiblings, editSet, encodeSiblings, mergeSets } from './siblingValues';

const valueArb = fc.oneof(fc.string(), fc.integer(), fc.constant(null));

describe('sibling and set encodings', () => {
  it('a read of siblings decodes to the same values, in any order given', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { minLength: 2, maxLength: 4 }), (values) => {
        const decoded = decodeSiblings(encodeSiblings(values));
        expect(decoded).toHaveLength(values.length);
        expect(encodeSiblings([...values].reverse())).toBe(encodeSiblings(values));
      }),
    );
    expect(decodeSiblings(encodeSiblings(['only']))).toEqual(['only']);
    expect(decodeSiblings(encodeSiblings([]))).toEqual([]);
  });

  it('merges sibling carts by union, and a tombstone keeps a removed item out', () => {
    const milkFlour = editSet([editSet([], 'milk')], 'flour');
    const eggs = editSet([], 'eggs');
    expect(mergeSets([milkFlour, eggs]).items.sort()).toEqual(['eggs', 'flour', 'milk']);
    const withoutMilk = editSet([milkFlour], '-milk');
    expect(decodeSet(withoutMilk)).toEqual({ items: ['flour'], removed: ['milk'] });
    // An older sibling still holding milk does not bring it back.
    expect(mergeSets([withoutMilk, milkFlour, eggs]).items.sort()).toEqual(['eggs', 'flour']);
  });
});
