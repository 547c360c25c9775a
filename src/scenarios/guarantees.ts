/**
 * The guarantee table: which consistency guarantees a configuration gives, found by experiment.
 * Run a scenario over seeds 1..N (each seed draws its own latencies, lag, losses and workload)
 * and, for each guarantee, count the runs that broke it and keep the smallest such seed, which
 * reproduces the run (`npm run sim -- <id> --seed <n>`, or the app's `?scenario=<id>&seed=<n>`).
 *
 * Pure: the CLI prints the table, and a view can show the same data.
 */
import type { Finding, FindingKind } from '../checker';
import { type JudgedRun, judgeRun } from './guaranteeRuns';
import type { AnyScenario } from './leaderlessSchema';

export interface Guarantee {
  id: string;
  label: string;
  /** One sentence for a tooltip or a legend. */
  description: string;
  /** A finding of any of these kinds breaks it. */
  kinds: readonly FindingKind[];
}

/** The rows of the table, in order. */
export const GUARANTEES: readonly Guarantee[] = [
  g('read-your-writes', 'Read your writes', 'A user always sees their own acknowledged writes.'),
  g('monotonic-reads', 'Monotonic reads', 'A user never sees a value and then an older one.'),
  g(
    'monotonic-writes',
    'Monotonic writes',
    "A session's writes are seen in the order it made them.",
  ),
  g(
    'writes-follow-reads',
    'Writes follow reads',
    'A write made after reading a value is seen only with that value or newer.',
  ),
  g('consistent-prefix', 'Consistent prefix', 'Nobody sees an effect before its cause.'),
  g('causal', 'Causal', 'Every read respects happens-before across sessions.'),
  {
    id: 'bounded-staleness',
    label: 'Bounded staleness',
    description: "No read is staler than the scenario's bound (checker.staleReadBoundMs).",
    kinds: ['stale-read'],
  },
  g(
    'linearizability',
    'Linearizable',
    'Every operation seems to take effect at one instant, as on a single copy.',
  ),
  {
    id: 'no-lost-writes',
    label: 'No lost writes',
    description: 'Every acknowledged write survives to the end.',
    kinds: ['lost-write'],
  },
  {
    id: 'convergence',
    label: 'Convergence',
    description: 'Once the system is quiet, the replicas agree.',
    kinds: ['divergence'],
  },
];

function g(id: FindingKind, label: string, description: string): Guarantee {
  return { id, label, description, kinds: [id] };
}

/** How one guarantee fared over the runs. */
export interface GuaranteeCell {
  guarantee: Guarantee;
  runs: number;
  violated: number;
  /** Runs in which the linearizability search gave up (it may or may not have held). */
  undecided: number;
  /** The smallest seed that broke it, and the first finding of that run; null if none did. */
  smallest: { seed: number; finding: Finding } | null;
}

export interface GuaranteeTable {
  scenario: string;
  seeds: number;
  cells: GuaranteeCell[];
  /** Runs that threw instead of finishing (a protocol bug), with the message. */
  crashed: Array<{ seed: number; message: string }>;
}

/**
 * Configurations to compare side by side (built-in scenario ids): single-leader reading from
 * the leader with synchronous followers, from asynchronous followers, and with each cure;
 * leaderless with a strict quorum and one writer, with w + r <= n, with a sloppy quorum, and
 * last-write-wins under concurrent writes; multi-leader with last write wins and with CRDTs.
 */
export const GUARANTEE_PRESETS: readonly string[] = [
  'guarantees-leader-sync',
  'guarantees-async-followers',
  'guarantees-cure-read-your-writes',
  'guarantees-cure-monotonic-reads',
  'guarantees-cure-consistent-prefix',
  'guarantees-cure-bounded-staleness',
  'guarantees-strict-quorum',
  'small-quorum-stale-read',
  'sloppy-quorum-stale-read',
  'lww-clock-skew',
  'ml-wiki-title-lww',
  'ml-crdt-counter',
  'ml-crdt-set',
];

/** The app address that opens the run of `scenario` with `seed`. */
export function runLink(scenario: string, seed: number): string {
  return `?${new URLSearchParams({ scenario, seed: String(seed) }).toString()}`;
}

/** Judge one finished run: per guarantee, the findings that break it. */
export function brokenBy(run: JudgedRun, guarantee: Guarantee): Finding[] {
  const findings = [...run.findings, ...run.linearizability.findings];
  return findings.filter((f) => guarantee.kinds.includes(f.kind));
}

/** A table with no run counted yet: fill it with `recordRun`, a seed at a time. */
export function emptyTable(scenario: string, seeds: number): GuaranteeTable {
  const cells = GUARANTEES.map((guarantee) => ({
    guarantee,
    runs: 0,
    violated: 0,
    undecided: 0,
    smallest: null,
  }));
  return { scenario, seeds, cells, crashed: [] };
}

/**
 * Count one run (or the error it threw) in the table, in place. Seeds may come in any order
 * (a view can run them a few per frame, or in a worker); the smallest violating one is kept.
 */
export function recordRun(table: GuaranteeTable, seed: number, run: JudgedRun | Error): void {
  if (run instanceof Error) {
    table.crashed.push({ seed, message: run.message });
    return;
  }
  for (const cell of table.cells) {
    cell.runs++;
    const first = brokenBy(run, cell.guarantee)[0];
    if (first !== undefined) {
      cell.violated++;
      if (cell.smallest === null || seed < cell.smallest.seed)
        cell.smallest = { seed, finding: first };
    } else if (
      cell.guarantee.id === 'linearizability' &&
      run.linearizability.verdict === 'unknown'
    ) {
      cell.undecided++;
    }
  }
}

/** Run `scenario` with seeds 1..`seeds` and fill the table. */
export function guaranteeTable(
  scenario: AnyScenario,
  seeds: number,
  judge: (scenario: AnyScenario, seed: number) => JudgedRun = judgeRun,
): GuaranteeTable {
  const table = emptyTable(scenario.id, seeds);
  for (let seed = 1; seed <= seeds; seed++) {
    let run: JudgedRun | Error;
    try {
      run = judge(scenario, seed);
    } catch (error) {
      // A protocol bug on one seed should not hide the verdicts on the others.
      run = error instanceof Error ? error : new Error(String(error));
    }
    recordRun(table, seed, run);
  }
  return table;
}

/** The cell in words: "held in all 20 runs", "violated in 3 of 20 (seed 4)". */
export function describeCell(cell: GuaranteeCell): string {
  if (cell.violated > 0) {
    return `violated in ${cell.violated} of ${cell.runs} (seed ${cell.smallest?.seed})`;
  }
  if (cell.undecided > 0)
    return `held in ${cell.runs - cell.undecided} of ${cell.runs}, ${cell.undecided} undecided`;
  return `held in all ${cell.runs} runs`;
}
