import { describe, expect, it } from 'vitest';
import type { VersionNode } from '../../../store/families/leaderlessVersions';
import { placeWrites, versionLine } from './versionText';

const write = (over: Partial<VersionNode>): VersionNode => ({
  dot: 'db:1',
  opId: 1,
  client: 'client-1',
  wrote: 'milk',
  at: 100,
  after: [],
  concurrentWith: [],
  ...over,
});

describe('version graph in words and places', () => {
  it('says what a write overwrote, what it is concurrent with, and whether it survives', () => {
    expect(versionLine(write({ after: ['db:1'], dot: 'db:3' }), String)).toBe(
      'db:3 client-1 wrote milk: overwrites db:1',
    );
    expect(versionLine(write({ concurrentWith: ['db:2'], sibling: '[milk]' }), String)).toBe(
      'db:1 client-1 wrote milk: overwrites nothing; concurrent with db:2; a sibling now: [milk]',
    );
    expect(versionLine(write({ discardedFor: 'n2:1' }), String)).toMatch(
      /discarded by last write wins for n2:1$/,
    );
  });

  it('puts each client in its own column and each write on its own row', () => {
    const { placed, clients } = placeWrites([
      write({ client: 'a' }),
      write({ client: 'b', dot: 'db:2' }),
      write({ client: 'a', dot: 'db:3' }),
    ]);
    expect(clients).toEqual(['a', 'b']);
    expect(placed[0]?.x).toBe(placed[2]?.x);
    expect(placed[1]?.x).toBeGreaterThan(placed[0]?.x ?? 0);
    expect(placed.map((p) => p.y)).toEqual([...placed.map((p) => p.y)].sort((a, b) => a - b));
  });
});
