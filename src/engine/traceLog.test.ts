import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS } from './columns';
import {
  emptyTraceLog,
  protocolEntries,
  pushTraceEvent,
  storedTrace,
  TRACE_TYPES,
  traceEntriesOf,
  truncateTrace,
} from './traceLog';
import type { TraceEvent } from './types';

const entry: fc.Arbitrary<Omit<TraceEvent, 'id'>> = fc.record({
  t: fc.integer({ min: 0, max: 1e9 }),
  type: fc.constantFrom(...TRACE_TYPES),
  node: fc.option(fc.constantFrom('n1', 'n2', 'user-1', 'monitor'), { nil: undefined }),
  msg: fc.option(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { nil: undefined }),
  name: fc.option(fc.constantFrom('apply', 'role', 'leader', 'discard', 'tick'), {
    nil: undefined,
  }),
  detail: fc.option(
    fc.oneof(fc.double({ noNaN: true }), fc.string(), fc.array(fc.record({ pos: fc.nat() }))),
    { nil: undefined },
  ),
});

const entries = fc.array(entry, { maxLength: 700 }).map((list) =>
  // Ids grow but skip some, as message entries take theirs in between.
  list.map((e, i): TraceEvent => ({ id: 3 * i + (i % 2), ...e })),
);

function logOf(list: TraceEvent[]) {
  const log = emptyTraceLog();
  for (const e of list) pushTraceEvent(log, e);
  return log;
}

describe('trace log', () => {
  it('gives back every entry as it was stored', () => {
    fc.assert(
      fc.property(entries, (list) => {
        expect(storedTrace(logOf(list))).toStrictEqual(list);
      }),
    );
  });

  it('finds the entries of a type and name, in order', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const log = logOf(list);
        const isApply = (e: TraceEvent) => e.type === 'protocol' && e.name === 'apply';
        expect(protocolEntries(log, 'apply')).toStrictEqual(list.filter(isApply));
        expect(traceEntriesOf(log, 'crash')).toStrictEqual(list.filter((e) => e.type === 'crash'));
        expect(protocolEntries(log, 'never-emitted')).toEqual([]);
      }),
    );
  });

  it('forgets truncated entries and their details, and stores new ones in their place', () => {
    fc.assert(
      fc.property(entries, entries, fc.nat(), (first, second, cutAt) => {
        const log = logOf(first);
        const cut = first.length === 0 ? 0 : cutAt % first.length;
        truncateTrace(log, cut);
        for (const e of second) pushTraceEvent(log, e);
        expect(storedTrace(log)).toStrictEqual([...first.slice(0, cut), ...second]);
        for (const i of log.details.keys()) expect(i).toBeLessThan(log.count);
      }),
      { numRuns: 50 },
    );
  });
});

describe('trace log chunks', () => {
  /** An entry made from its index and round, every field varying, some with an object detail. */
  function entryAt(i: number, round: number): TraceEvent {
    return {
      id: 2 * i + round,
      t: i,
      type: TRACE_TYPES[(i + round) % TRACE_TYPES.length] as TraceEvent['type'],
      node: i % 3 === 0 ? undefined : `n${i % 5}`,
      msg: i % 4 === 0 ? undefined : i * 7,
      name: i % 2 === 0 ? 'apply' : undefined,
      detail: i % 5 === 0 ? { pos: i, round } : i % 5 === 1 ? i / 2 : undefined,
    };
  }
  const span = (from: number, to: number, round: number) =>
    Array.from({ length: to - from }, (_, k) => entryAt(from + k, round));

  it('reads back rows on both sides of chunk boundaries, across truncations into any chunk', () => {
    // Lengths up to three chunks, so logs fill, cross and re-enter chunks.
    const length = fc.nat({ max: 3 * CHUNK_ROWS });
    fc.assert(
      fc.property(length, fc.nat(), length, (count, cutAt, more) => {
        const log = logOf(span(0, count, 0));
        const cut = cutAt % (count + 1);
        truncateTrace(log, cut);
        for (const e of span(cut, cut + more, 1)) pushTraceEvent(log, e);
        const expected = [...span(0, cut, 0), ...span(cut, cut + more, 1)];
        expect(log.count).toBe(expected.length);
        expect(log.chunks.length).toBe(Math.ceil(expected.length / CHUNK_ROWS));
        expect(storedTrace(log)).toStrictEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});
