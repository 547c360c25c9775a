import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS } from './columns';
import {
  emptyHistoryLog,
  historyAt,
  historyOps,
  pushHistoryOp,
  truncateHistory,
} from './historyLog';
import type { HistoryOp } from './types';

/** Entry `i` of a history written in `round`: every field varies with both. */
function entryAt(i: number, round: number): HistoryOp {
  const type = (['invoke', 'ok', 'fail', 'info'] as const)[(i + round) % 4] as HistoryOp['type'];
  const done = type !== 'invoke';
  return {
    index: i,
    type,
    process: `user-${(i * 7 + round) % 5}`,
    opId: (i >> 1) + 1 + round * 100_000,
    f: (i + round) % 3 === 0 ? 'write' : 'read',
    key: `k${i % 11}`,
    value: i % 5 === 0 ? null : i % 5 === 1 ? i * 2 + round : `v${i}.${round}`,
    time: i * 3 + round + (i % 2 === 0 ? 0 : 0.5),
    node: done ? `n${(i + round) % 3}` : undefined,
    error: type === 'fail' ? `no leader (${i})` : undefined,
    meta: type === 'ok' ? { pos: i, epoch: round, leader: i % 2 === 0 } : undefined,
    traceId: 4 * i + round,
  };
}

const span = (from: number, to: number, round: number) =>
  Array.from({ length: to - from }, (_, k) => entryAt(from + k, round));

describe('history log', () => {
  it('reads back every field on both sides of chunk boundaries, across truncations into any chunk', () => {
    const length = fc.nat({ max: 3 * CHUNK_ROWS });
    fc.assert(
      fc.property(length, fc.nat(), length, fc.nat(), (count, cutAt, more, readAt) => {
        const log = emptyHistoryLog();
        for (const op of span(0, count, 0)) pushHistoryOp(log, op);
        // Objects made before the cut must not survive it.
        const before = historyOps(log).slice(0, readAt % (count + 1));
        const cut = cutAt % (count + 1);
        truncateHistory(log, cut);
        for (const op of span(cut, cut + more, 1)) pushHistoryOp(log, op);
        const expected = [...span(0, cut, 0), ...span(cut, cut + more, 1)];
        expect(log.count).toBe(expected.length);
        expect(log.chunks.length).toBe(Math.ceil(expected.length / CHUNK_ROWS));
        const i = readAt % (expected.length + 1);
        expect(historyAt(log, i)).toStrictEqual(expected[i]);
        expect(historyOps(log)).toStrictEqual(expected);
        for (const [j, op] of before.entries()) {
          if (j < cut) expect(historyOps(log)[j]).toBe(op);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('makes each entry into an object once, and only the entries added since on asking again', () => {
    const log = emptyHistoryLog();
    for (const op of span(0, 3, 0)) pushHistoryOp(log, op);
    const first = historyOps(log);
    const kept = first[2];
    for (const op of span(3, 5, 0)) pushHistoryOp(log, op);
    const second = historyOps(log);
    expect(second).toHaveLength(5);
    expect(second[2]).toBe(kept);
    expect(historyAt(log, 2)).toBe(kept);
    expect(historyAt(log, 5)).toBeUndefined();
    expect(historyAt(log, -1)).toBeUndefined();
  });
});

describe('history log, entries put back', () => {
  it('keeps the object it is given when every entry before it has one', () => {
    const log = emptyHistoryLog();
    const ops = span(0, 4, 0);
    for (const op of ops.slice(0, 2)) pushHistoryOp(log, op);
    historyOps(log);
    for (const op of ops.slice(2)) pushHistoryOp(log, op);
    expect(historyOps(log)[3]).toBe(ops[3]);
    // Given out of order (its index is not its row), the object is made afresh.
    const stray = { ...entryAt(9, 0) };
    pushHistoryOp(log, stray);
    expect(historyOps(log)[4]).not.toBe(stray);
    expect(historyOps(log)[4]).toStrictEqual({ ...stray, index: 4 });
  });
});
