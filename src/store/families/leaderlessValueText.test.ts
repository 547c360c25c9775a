import { describe, expect, it } from 'vitest';
import { encodeSet, encodeSiblings } from '../../protocols/leaderless/siblingValues';
import { leaderlessValueText } from './leaderlessValueText';

describe('leaderless values in words', () => {
  it('shows plain values, siblings and sets', () => {
    expect(leaderlessValueText('42')).toBe('42');
    expect(leaderlessValueText(null)).toBe('∅');
    expect(leaderlessValueText(encodeSiblings(['b', 'a']))).toBe('a | b');
    const carts = encodeSiblings([
      encodeSet({ items: ['milk', 'flour'], removed: [] }),
      encodeSet({ items: ['eggs'], removed: ['ham'] }),
    ]);
    expect(leaderlessValueText(carts)).toBe('[eggs] | [flour, milk]');
  });
});
