import { describe, expect, it } from 'vitest';
import type { Finding } from '../checker';
import { findAnyBuiltin } from './builtin';
import type { JudgedRun } from './guaranteeRuns';
import {
  describeCell,
  emptyTable,
  GUARANTEES,
  guaranteeTable,
  recordRun,
  runLink,
} from './guarantees';
import type { AnyScenario } from './leaderlessSchema';

function preset(id: string): AnyScenario {
  const s = findAnyBuiltin(id);
  if (s === undefined) throw new Error(`no built-in ${id}`);
  return s;
}

function cellOf(table: ReturnType<typeof guaranteeTable>, id: string) {
  const cell = table.cells.find((c) => c.guarantee.id === id);
  if (cell === undefined) throw new Error(`no row ${id}`);
  return cell;
}

const finding = (kind: Finding['kind'], op: number): Finding => ({
  kind,
  ops: [op],
  explanation: `${kind} at op ${op}`,
});

describe('the guarantee table (pure counting)', () => {
  const linearizable = { verdict: 'linearizable' as const, findings: [], undecided: [] };
  const fake = (seed: number): JudgedRun => {
    if (seed === 4) throw new Error('boom');
    return {
      findings: seed % 2 === 0 ? [finding('monotonic-reads', seed)] : [],
      linearizability:
        seed === 3
          ? { verdict: 'unknown', findings: [], undecided: ['x'] }
          : seed === 5
            ? { verdict: 'violated', findings: [finding('linearizability', 50)], undecided: [] }
            : linearizable,
    };
  };

  it('counts violating runs, keeps the smallest seed and its finding, and sets crashes apart', () => {
    const table = guaranteeTable(preset('guarantees-leader-sync'), 6, (_, seed) => fake(seed));
    const mr = cellOf(table, 'monotonic-reads');
    expect([mr.runs, mr.violated, mr.smallest?.seed]).toEqual([5, 2, 2]);
    expect(mr.smallest?.finding.explanation).toBe('monotonic-reads at op 2');
    expect(describeCell(mr)).toBe('violated in 2 of 5 (seed 2)');
    const lin = cellOf(table, 'linearizability');
    expect([lin.violated, lin.undecided, lin.smallest?.seed]).toEqual([1, 1, 5]);
    expect(describeCell(cellOf(table, 'causal'))).toBe('held in all 5 runs');
    expect(table.crashed).toEqual([{ seed: 4, message: 'boom' }]);
  });

  it('keeps the smallest violating seed whatever order the seeds are counted in', () => {
    const table = emptyTable('x', 8);
    for (const seed of [6, 2, 8]) recordRun(table, seed, fake(seed));
    expect(cellOf(table, 'monotonic-reads').smallest?.seed).toBe(2);
    expect(cellOf(table, 'monotonic-reads').violated).toBe(3);
  });

  it('says how many runs were undecided when none violated', () => {
    const table = guaranteeTable(preset('guarantees-leader-sync'), 3, (_, seed) => fake(seed));
    expect(describeCell(cellOf(table, 'linearizability'))).toBe('held in 2 of 3, 1 undecided');
  });

  it('has one row per guarantee of the issue, in order, each with a sentence', () => {
    expect(GUARANTEES.map((g) => g.id)).toEqual([
      'read-your-writes',
      'monotonic-reads',
      'monotonic-writes',
      'writes-follow-reads',
      'consistent-prefix',
      'causal',
      'bounded-staleness',
      'linearizability',
      'no-lost-writes',
      'convergence',
    ]);
    for (const g of GUARANTEES) expect(g.description).toMatch(/^[A-Z].*\.$/);
  });

  it('links a run the way the app opens it', () => {
    expect(runLink('guarantees-leader-sync', 7)).toBe('?scenario=guarantees-leader-sync&seed=7');
  });
});

describe('known results hold in the table', () => {
  const SEEDS = 8;

  it('reading only from a leader with synchronous followers gives every guarantee', () => {
    const table = guaranteeTable(preset('guarantees-leader-sync'), SEEDS);
    for (const cell of table.cells)
      expect([cell.guarantee.id, cell.violated]).toEqual([cell.guarantee.id, 0]);
    expect(cellOf(table, 'linearizability').undecided).toBe(0);
  });

  it('reading from asynchronous followers is not linearizable, nor read-your-writes', () => {
    const table = guaranteeTable(preset('guarantees-async-followers'), SEEDS);
    expect(cellOf(table, 'linearizability').violated).toBeGreaterThan(SEEDS / 2);
    expect(cellOf(table, 'read-your-writes').violated).toBeGreaterThan(0);
    expect(cellOf(table, 'no-lost-writes').violated).toBe(0);
  });

  it('each cure gives its own guarantee', () => {
    const cures: Array<[string, string]> = [
      ['guarantees-cure-read-your-writes', 'read-your-writes'],
      ['guarantees-cure-monotonic-reads', 'monotonic-reads'],
      ['guarantees-cure-consistent-prefix', 'consistent-prefix'],
      ['guarantees-cure-bounded-staleness', 'bounded-staleness'],
    ];
    for (const [id, guarantee] of cures) {
      const table = guaranteeTable(preset(id), SEEDS);
      expect([id, cellOf(table, guarantee).violated]).toEqual([id, 0]);
      expect(cellOf(table, 'linearizability').violated).toBeGreaterThan(0);
    }
  });

  it('w + r > n with a strict quorum and one writer gives no stale reads; w + r <= n does not', () => {
    const strict = guaranteeTable(preset('guarantees-strict-quorum'), SEEDS);
    expect(cellOf(strict, 'bounded-staleness').violated).toBe(0);
    const small = guaranteeTable(preset('small-quorum-stale-read'), SEEDS);
    expect(cellOf(small, 'bounded-staleness').violated).toBe(SEEDS);
  });

  it('last-write-wins loses acknowledged writes under concurrency', () => {
    const table = guaranteeTable(preset('lww-clock-skew'), SEEDS);
    expect(cellOf(table, 'no-lost-writes').violated).toBe(SEEDS);
  });

  it('multi-leader: last write wins loses acknowledged writes, CRDTs converge and lose none', () => {
    const lww = guaranteeTable(preset('ml-wiki-title-lww'), SEEDS);
    expect(cellOf(lww, 'no-lost-writes').violated).toBe(SEEDS);
    for (const id of ['ml-crdt-counter', 'ml-crdt-set']) {
      const crdt = guaranteeTable(preset(id), SEEDS);
      expect([id, cellOf(crdt, 'convergence').violated]).toEqual([id, 0]);
      expect([id, cellOf(crdt, 'no-lost-writes').violated]).toEqual([id, 0]);
      // A count or a set is no register's value: linearizability is not judged.
      expect(cellOf(crdt, 'linearizability').undecided).toBe(SEEDS);
    }
  });
});
