import { describe, expect, it } from 'vitest';
import { overlapSentence, problemField } from './quorumText';

describe('quorum words', () => {
  it('says when quorums must overlap and when they need not', () => {
    expect(overlapSentence({ n: 3, w: 2, r: 2 })).toMatch(/^w \+ r > n \(2 \+ 2 > 3\): every read/);
    expect(overlapSentence({ n: 3, w: 2, r: 1 })).toMatch(/^w \+ r ≤ n \(2 \+ 1 ≤ 3\): a read/);
    expect(overlapSentence({ n: 5, w: 3, r: 3 })).toMatch(/overlaps/);
  });

  it('finds the field a problem names', () => {
    expect(problemField('w: a write cannot wait')).toBe('w');
    expect(problemField('no field here')).toBe('');
  });
});
