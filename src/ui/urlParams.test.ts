import { describe, expect, it } from 'vitest';
import { parseStartParams, startSearch } from './urlParams';

describe('parseStartParams', () => {
  it('reads scenario and seed', () => {
    expect(parseStartParams('?scenario=sync-vs-async&seed=7')).toEqual({
      scenarioId: 'sync-vs-async',
      seed: 7,
      seedError: null,
      run: null,
      embed: false,
    });
  });

  it('reads a shared run and the embed flag', () => {
    expect(parseStartParams('?run=N4Ig&embed=1')).toMatchObject({ run: 'N4Ig', embed: true });
    expect(parseStartParams('?run=N4Ig&embed=yes')).toMatchObject({ embed: false });
  });

  it('leaves out what is not given', () => {
    const nothing = { scenarioId: null, seed: null, seedError: null, run: null, embed: false };
    expect(parseStartParams('')).toEqual(nothing);
    expect(parseStartParams('?scenario=&seed=')).toEqual(nothing);
  });

  it('ignores a bad seed and says why', () => {
    const start = parseStartParams('?seed=banana');
    expect(start.seed).toBeNull();
    expect(start.seedError).toMatch(/Seed must be a whole number.*banana/);
  });

  it('round-trips with startSearch', () => {
    expect(parseStartParams(startSearch('split-brain-fenced', 12))).toMatchObject({
      scenarioId: 'split-brain-fenced',
      seed: 12,
    });
  });
});
