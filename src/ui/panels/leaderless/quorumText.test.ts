import { describe, expect, it } from 'vitest';
import type { QuorumPicture } from '../../../store/families/leaderlessQuorum';
import { changedSettings } from '../settingsDiff';
import { overlapSentence, problemField, quorumPictureLines } from './quorumText';

const side = (nodes: string[], over: Partial<QuorumPicture['write'] & object> = {}) => ({
  opId: 1,
  client: 'c1',
  value: 'v',
  outcome: 'ok' as const,
  nodes,
  ...over,
});

describe('quorum words', () => {
  it('says when quorums must overlap and when they need not', () => {
    expect(overlapSentence({ n: 3, w: 2, r: 2 })).toMatch(/^w \+ r > n \(2 \+ 2 > 3\): every read/);
    expect(overlapSentence({ n: 3, w: 2, r: 1 })).toMatch(/^w \+ r ≤ n \(2 \+ 1 ≤ 3\): a read/);
    expect(overlapSentence({ n: 5, w: 3, r: 3 })).toMatch(/overlaps/);
    expect(overlapSentence({ n: 3, w: 2, r: 2, sloppyQuorum: true })).toMatch(
      /sloppy quorum, stand-ins .* can still miss the write\.$/,
    );
    expect(overlapSentence({ n: 3, w: 2, r: 2, sloppyQuorum: false })).not.toMatch(/sloppy/);
  });

  it('lists the settings changed from the scenario’s', () => {
    expect(
      changedSettings({ n: 3, w: 2, readRepair: true }, { n: 3, w: 3, readRepair: false }),
    ).toEqual(['w = 2 (scenario: 3)', 'readRepair = true (scenario: false)']);
    expect(changedSettings({ n: 3 }, { n: 3 })).toEqual([]);
  });

  it('finds the field a problem names', () => {
    expect(problemField('w: a write cannot wait')).toBe('w');
    expect(problemField('no field here')).toBe('');
  });

  it('pictures who took the write, who answered the read, and who did both', () => {
    const picture: QuorumPicture = {
      opId: 2,
      key: 'k',
      write: side(['n1', 'n2', 'n3']),
      read: side(['n3', 'n4', 'n5'], { opId: 2, client: 'c2' }),
      overlap: ['n3'],
    };
    expect(quorumPictureLines(picture, { w: 3, r: 3 }, String)).toEqual([
      'Write k = v by c1: acknowledged by n1, n2, n3 (w = 3).',
      'Read by c2 → v: answered by n3, n4, n5 (r = 3).',
      'In both quorums: n3, so the read heard from a replica with the write.',
    ]);
    const missed = { ...picture, read: side(['n3']), write: side(['n1']), overlap: [] };
    expect(quorumPictureLines(missed, { w: 1, r: 1 }, String)[2]).toMatch(/none/);
    const alone = { ...picture, read: null, overlap: [] };
    expect(quorumPictureLines(alone, { w: 3, r: 3 }, String)[1]).toBe(
      'No read of k began after this write was acknowledged.',
    );
    const failed = { ...picture, write: side(['n1'], { outcome: 'fail' }), read: null };
    expect(quorumPictureLines(failed, { w: 2, r: 2 }, String)[0]).toBe(
      'Write k = v by c1 failed: acknowledged by n1 (w = 2).',
    );
  });
});
