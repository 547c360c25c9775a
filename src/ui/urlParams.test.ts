import { describe, expect, it } from 'vitest';
import { parseStartParams, startSearch } from './urlParams';

describe('parseStartParams', () => {
  it('reads scenario and seed', () => {
    expect(parseStartParams('?scenario=sync-vs-async&seed=7')).toEqual({
      scenarioId: 'sync-vs-async',
      seed: 7,
      seedError: null,
    });
  });

  it('leaves out what is not given', () => {
    expect(parseStartParams('')).toEqual({ scenarioId: null, seed: null, seedError: null });
    expect(parseStartParams('?scenario=&seed=')).toEqual({
      scenarioId: null,
      seed: null,
      seedError: null,
    });
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
