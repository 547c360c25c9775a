import { describe, expect, it } from 'vitest';
import type { HistoryOp } from '../engine/types';
import {
  formatCompletion,
  formatPending,
  formatSpeed,
  formatTime,
  recentCompletions,
} from './format';

const op = (over: Partial<HistoryOp>): HistoryOp => ({
  index: 0,
  type: 'ok',
  process: 'user-1234',
  opId: 1,
  f: 'write',
  key: 'users.1234.picture_url',
  value: 'me-new.jpg',
  time: 100,
  traceId: 0,
  ...over,
});

describe('format', () => {
  it('renders times and speeds', () => {
    expect(formatTime(1234.9)).toBe('t = 1234 ms');
    expect(formatSpeed(0.1)).toBe('0.1x');
    expect(formatSpeed(10)).toBe('10x');
  });

  it('renders completed writes and reads', () => {
    expect(formatCompletion(op({}))).toBe(
      'user-1234 write users.1234.picture_url = me-new.jpg → ok',
    );
    expect(formatCompletion(op({ f: 'read', value: null, process: 'user-2345' }))).toBe(
      'user-2345 read users.1234.picture_url → ok ∅',
    );
    expect(formatCompletion(op({ type: 'fail', error: 'not-leader' }))).toBe(
      'user-1234 write users.1234.picture_url = me-new.jpg → fail (not-leader)',
    );
  });

  it('renders a pending operation with its target', () => {
    expect(formatPending({ f: 'read', key: 'k', target: 'follower-2', since: 200 })).toBe(
      'read k → follower-2',
    );
  });

  it('keeps the last completions, oldest first', () => {
    const history = [
      op({ index: 0, type: 'invoke' }),
      op({ index: 1 }),
      op({ index: 2, type: 'invoke' }),
      op({ index: 3, type: 'info' }),
      op({ index: 4 }),
    ];
    expect(recentCompletions(history, 2).map((h) => h.index)).toEqual([3, 4]);
    expect(recentCompletions(history, 10).map((h) => h.index)).toEqual([1, 3, 4]);
  });
});
