import { describe, expect, it } from 'vitest';
import { quorumErrors } from './config';

describe('quorum settings', () => {
  it('accepts n ≤ nodes, w ≤ n, r ≤ n', () => {
    expect(quorumErrors({ n: 3, w: 2, r: 2 }, 5)).toEqual([]);
    expect(quorumErrors({ n: 1, w: 1, r: 1 }, 1)).toEqual([]);
  });

  it('names the field for each impossible setting', () => {
    expect(quorumErrors({ n: 3, w: 4, r: 2 }, 3)).toEqual([
      'cluster.w: a write cannot wait for 4 acknowledgements from 3 replicas',
    ]);
    expect(quorumErrors({ n: 3, w: 2, r: 5 }, 3)[0]).toMatch(/^cluster\.r: /);
    expect(quorumErrors({ n: 4, w: 2, r: 2 }, 3)[0]).toMatch(/^cluster\.n: .*the cluster has 3/);
    expect(quorumErrors({ n: 3, w: 0, r: 2 }, 3)).toEqual([
      'cluster.w: must be a whole number of at least 1',
    ]);
  });
});
