import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryOp, Value } from '../engine/types';
import { checkHistory, checkLinearizable } from './index';
import { bruteForceLinearizable } from './testing/bruteForce';
import { HistoryBuilder } from './testing/historyBuilder';
import { corrupt, plansArb, registerHistory } from './testing/registerHistory';

const verdict = (h: HistoryBuilder) => checkLinearizable(h.history).verdict;

describe('linearizability of single-key reads and writes', () => {
  it('accepts reads that see the latest acknowledged write', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('a', 'x', '1', 0), 10);
    h.ok(h.read('b', 'x', 20), 30, '1');
    h.ok(h.write('b', 'x', '2', 40), 50);
    h.ok(h.read('a', 'x', 60), 70, '2');
    expect(verdict(h)).toBe('linearizable');
  });

  it('names the three operations of a stale read: write, overwrite, read', () => {
    const h = new HistoryBuilder();
    const w1 = h.write('a', 'x', '1', 0);
    h.ok(w1, 10);
    const w2 = h.write('a', 'x', '2', 20);
    h.ok(w2, 30);
    h.ok(h.read('c', 'y', 32), 34, null);
    const r = h.read('b', 'x', 40);
    h.ok(r, 50, '1');
    const result = checkLinearizable(h.history);
    expect(result.verdict).toBe('violated');
    expect(result.findings.map((f) => [f.kind, f.ops])).toEqual([['linearizability', [w1, w2, r]]]);
    expect(result.findings[0]?.explanation).toContain('No single copy of x');
  });

  it('lets a read concurrent with a write return either value', () => {
    for (const seen of [null, 'new']) {
      const h = new HistoryBuilder();
      const w = h.write('a', 'x', 'new', 0);
      h.ok(h.read('b', 'x', 5), 15, seen);
      h.ok(w, 20);
      expect(verdict(h)).toBe('linearizable');
    }
  });

  it('catches two concurrent reads that disagree with the reads after them (new, then old)', () => {
    const h = new HistoryBuilder();
    const w = h.write('a', 'x', 'new', 0);
    const r1 = h.read('b', 'x', 5);
    h.ok(r1, 10, 'new');
    const r2 = h.read('c', 'x', 12);
    h.ok(r2, 15, null);
    h.ok(w, 20);
    const result = checkLinearizable(h.history);
    expect(result.findings.map((f) => f.ops)).toEqual([[w, r1, r2]]);
  });

  it('lets an indeterminate write take effect long after its client gave up', () => {
    const h = new HistoryBuilder();
    const late = h.write('a', 'x', 'late', 0);
    h.info(late, 10);
    h.ok(h.write('b', 'x', 'b', 20), 30);
    h.ok(h.read('c', 'x', 40), 50, 'b');
    h.ok(h.read('c', 'x', 60), 70, 'late');
    expect(verdict(h)).toBe('linearizable');
  });

  it('lets an indeterminate write never take effect, but not undo itself once seen', () => {
    const never = new HistoryBuilder();
    never.info(never.write('a', 'x', 'maybe', 0), 10);
    never.ok(never.read('b', 'x', 20), 30, null);
    expect(verdict(never)).toBe('linearizable');

    const undone = new HistoryBuilder();
    const w = undone.write('a', 'x', 'maybe', 0);
    undone.info(w, 10);
    const seen = undone.read('b', 'x', 20);
    undone.ok(seen, 30, 'maybe');
    const gone = undone.read('b', 'x', 40);
    undone.ok(gone, 50, null);
    expect(checkLinearizable(undone.history).findings.map((f) => f.ops)).toEqual([[w, seen, gone]]);
  });

  it('ignores failed writes, and reports a read of a value only a failed write wrote', () => {
    const h = new HistoryBuilder();
    h.fail(h.write('a', 'x', 'refused', 0), 10);
    const r = h.read('b', 'x', 20);
    h.ok(r, 30, 'refused');
    const result = checkLinearizable(h.history);
    expect(result.findings.map((f) => f.ops)).toEqual([[r]]);
    expect(result.findings[0]?.explanation).toContain('No write explains');
  });

  it('judges keys independently (one finding per violating key)', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('a', 'x', '1', 0), 10);
    h.ok(h.write('a', 'y', '1', 0), 10);
    h.ok(h.read('b', 'x', 20), 30, null);
    h.ok(h.read('b', 'y', 20), 30, '1');
    expect(checkLinearizable(h.history).findings.map((f) => f.explanation)).toEqual([
      expect.stringContaining('copy of x'),
    ]);
  });

  it('says "unknown" rather than searching forever when the step bound is reached', () => {
    const h = new HistoryBuilder();
    const writes = ['1', '2', '3', '4'].map((v) => h.write(`p${v}`, 'x', v, 0));
    for (const w of writes) h.ok(w, 100);
    h.ok(h.read('r', 'x', 200), 210, '1');
    const result = checkLinearizable(h.history, { maxSteps: 2 });
    expect(result.verdict).toBe('unknown');
    expect(result.undecided).toEqual(['x']);
  });
});

/** A small arbitrary history: any intervals, outcomes and read results, over two keys. */
const smallHistoryArb = fc
  .array(
    fc.record({
      process: fc.constantFrom('p1', 'p2', 'p3'),
      f: fc.constantFrom('read' as const, 'write' as const),
      key: fc.constantFrom('x', 'x', 'y'),
      start: fc.integer({ min: 0, max: 20 }),
      length: fc.integer({ min: 1, max: 8 }),
      outcome: fc.constantFrom('ok', 'ok', 'ok', 'fail', 'info', 'pending'),
      pick: fc.nat(),
    }),
    { minLength: 1, maxLength: 7 },
  )
  .map((ops) => {
    const events: Array<{ time: number; entry: Omit<HistoryOp, 'index' | 'traceId'> }> = [];
    const written = (key: string) =>
      ops.flatMap((o, i) => (o.f === 'write' && o.key === key ? [`v${i}`] : []));
    ops.forEach((o, i) => {
      const base = { process: o.process, opId: i + 1, f: o.f, key: o.key };
      const value: Value = o.f === 'write' ? `v${i}` : null;
      // Distinct times: every event its own instant, invokes and completions interleaved.
      events.push({ time: o.start * 20 + i, entry: { ...base, type: 'invoke', value, time: 0 } });
      if (o.outcome === 'pending') return;
      const choices: Value[] = [null, ...written(o.key), 'ghost'];
      const result = o.f === 'read' ? (choices[o.pick % choices.length] ?? null) : value;
      const type = o.outcome as 'ok' | 'fail' | 'info';
      const time = (o.start + o.length) * 20 + 10 + i;
      events.push({ time, entry: { ...base, type, value: result, time: 0 } });
    });
    events.sort((a, b) => a.time - b.time);
    return events.map(
      (e, index): HistoryOp => ({ ...e.entry, index, traceId: index, time: e.time }),
    );
  });

describe('linearizability search against brute force', () => {
  it('agrees with trying every order, on thousands of small histories', () => {
    let violated = 0;
    fc.assert(
      fc.property(smallHistoryArb, (history) => {
        const expected = bruteForceLinearizable(history);
        const got = checkLinearizable(history).verdict;
        expect(got).toBe(expected ? 'linearizable' : 'violated');
        if (!expected) violated++;
      }),
      { numRuns: 3000 },
    );
    // Both answers must have come up often, or the agreement says little.
    expect(violated).toBeGreaterThan(300);
    expect(violated).toBeLessThan(2700);
  });

  it('finds every history of one up-to-date copy linearizable', () => {
    fc.assert(
      fc.property(plansArb, (plans) => {
        expect(checkLinearizable(registerHistory(plans)).verdict).toBe('linearizable');
      }),
      { numRuns: 300 },
    );
  });

  it('names a witness that is itself not linearizable, of at most six operations', () => {
    let findings = 0;
    fc.assert(
      fc.property(plansArb, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (plans, picks) => {
        const history = corrupt(registerHistory(plans), picks);
        for (const finding of checkLinearizable(history).findings) {
          findings++;
          const named = new Set(finding.ops);
          const only = history.filter((h) => named.has(h.opId));
          expect(bruteForceLinearizable(only)).toBe(false);
          // Unique values: two values' writes and extreme operations always suffice.
          expect(finding.ops.length).toBeLessThanOrEqual(6);
        }
      }),
      { numRuns: 300 },
    );
    expect(findings).toBeGreaterThan(50);
  });
});

describe('linearizability and the other checks', () => {
  it('a linearizable history breaks no session guarantee, causality or staleness bound', () => {
    let linearizableButAltered = 0;
    fc.assert(
      fc.property(plansArb, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (plans, picks) => {
        const original = registerHistory(plans);
        const history = corrupt(original, picks);
        if (checkLinearizable(history).verdict !== 'linearizable') return;
        if (JSON.stringify(history) !== JSON.stringify(original)) linearizableButAltered++;
        expect(checkHistory(history, { staleReadBoundMs: 0 })).toEqual([]);
      }),
      { numRuns: 1000 },
    );
    // Some reads answered differently yet still explainable: the case worth checking (about
    // 3% of the runs).
    expect(linearizableButAltered).toBeGreaterThan(10);
  });
});
