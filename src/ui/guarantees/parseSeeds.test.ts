import { describe, expect, it } from 'vitest';
import { parseSeeds } from './GuaranteeDialog';

describe('parseSeeds', () => {
  it('takes a whole number from 1 to 200', () => {
    expect(parseSeeds(' 20 ')).toEqual({ ok: true, seeds: 20 });
    expect(parseSeeds('1')).toEqual({ ok: true, seeds: 1 });
  });
  it('names the field and repeats what was typed otherwise', () => {
    for (const bad of ['', '0', '2.5', 'ten', '201']) {
      const parsed = parseSeeds(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok)
        expect(parsed.message).toBe(`Seeds: a whole number from 1 to 200 (got "${bad}")`);
    }
  });
});
