/**
 * `npm run bench` (second part): how fast the consistency checker keeps up. A single-leader run
 * whose clients read from any replica (so the history holds real anomalies) is simulated until
 * it has 10,000 client operations; then the checker goes over that history at once, and fed
 * the way a live view feeds it (a slice of new entries at a time).
 *
 * Then the linearizability search (checkLinearizable) on 1,000-operation single-key histories:
 * one read from the leader with synchronous followers (linearizable: the search goes all the
 * way) and one read from any replica (a violation to find and explain). Target under 1 s.
 *
 * Target: a 10,000-operation history checked in under 100 ms. Judged on the median CPU time of
 * the process (user + system), which other processes on a busy machine disturb far less than
 * wall time; the best and median wall times are printed beside it. Missing the target prints
 * MISS; the process still exits 0 (a benchmark reports figures, it is not a test).
 */
import {
  checkHistory,
  checkLinearizable,
  countByKind,
  feedChecker,
  newChecker,
} from '../src/checker';
import type { HistoryOp } from '../src/engine/types';
import type { ScenarioInput } from '../src/scenarios/schema';
import { historyOfRun, singleKeyHistory } from './histories';

const OPERATIONS = 10_000;
const TARGET_MS = 100;
const REPEATS = 9;
/** A live view feeds the checker once per animation frame; this many entries per feed. */
const FEED_SLICE = 50;

const input: ScenarioInput = {
  id: 'bench-checker',
  title: 'Checker benchmark',
  summary: 'Ten clients reading from any of three replicas, one of them far behind.',
  durationMs: 60_000,
  cluster: { nodes: ['n1', 'n2', 'n3'], leader: 'n1', monitor: null, reads: 'any' },
  network: {
    latency: { baseMs: 5, jitterMs: 10, distribution: 'exponential' },
    links: [{ from: 'n1', to: 'n3', latency: { baseMs: 150, jitterMs: 100 } }],
  },
  workload: {
    clients: Array.from({ length: 10 }, (_, i) => `user-${(i % 5) + 1}@device-${i}`),
    toMs: 60_000,
    meanGapMs: 10,
    keys: Array.from({ length: 20 }, (_, i) => `k${i}`),
    writeRatio: 0.4,
  },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function time(run: () => void): Timing {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  run();
  const used = process.cpuUsage(cpu);
  return {
    wallMs: Number(process.hrtime.bigint() - start) / 1e6,
    cpuMs: (used.user + used.system) / 1000,
  };
}

function repeat(run: () => void): { bestWallMs: number; medianWallMs: number; cpuMs: number } {
  const runs = Array.from({ length: REPEATS }, () => time(run));
  return {
    bestWallMs: Math.min(...runs.map((r) => r.wallMs)),
    medianWallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
  };
}

/** Feed the checker as a live view does: the history grows, the checker takes the new part. */
function feedLive(history: HistoryOp[]): void {
  const checker = newChecker();
  const growing: HistoryOp[] = [];
  for (let i = 0; i < history.length; i++) {
    growing.push(history[i] as HistoryOp);
    if (growing.length % FEED_SLICE === 0 || i === history.length - 1)
      feedChecker(checker, growing);
  }
}

const history = historyOfRun(input, 7, OPERATIONS);
const operations = history.filter((h) => h.type === 'invoke').length;
const pending = operations - history.filter((h) => h.type !== 'invoke').length;
checkHistory(history); // warm-up
const whole = repeat(() => checkHistory(history));
const live = repeat(() => feedLive(history));
const counts = countByKind(checkHistory(history));
const show = (t: ReturnType<typeof repeat>) =>
  `${t.cpuMs.toFixed(1)} ms CPU (wall: best ${t.bestWallMs.toFixed(1)} ms, median ${t.medianWallMs.toFixed(1)} ms)`;

const rows: Array<[string, string]> = [
  [
    'history',
    `${operations.toLocaleString('en-US')} operations (${pending} pending), ${history.length.toLocaleString('en-US')} entries`,
  ],
  [
    'anomalies found',
    Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', '),
  ],
  [`checkHistory, median of ${REPEATS}`, show(whole)],
  [`fed ${FEED_SLICE} entries at a time, in all`, show(live)],
  [`target < ${TARGET_MS} ms (CPU)`, whole.cpuMs < TARGET_MS ? 'PASS' : 'MISS'],
];
const title = 'Consistency checker on a 10,000-operation history';
const width = Math.max(...rows.map(([label]) => label.length));
console.log(`\n${title}\n${'-'.repeat(title.length)}`);
for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);

const LINEAR_OPERATIONS = 1_000;
const LINEAR_TARGET_MS = 1_000;
const linearRows: Array<[string, string]> = [];
for (const reads of ['leader', 'any'] as const) {
  const single = singleKeyHistory(reads, LINEAR_OPERATIONS);
  const result = checkLinearizable(single);
  const timing = repeat(() => checkLinearizable(single));
  const witness = result.findings[0]?.ops.length;
  linearRows.push([
    `reads from ${reads === 'leader' ? 'the leader' : 'any replica'}`,
    `${result.verdict}${witness === undefined ? '' : ` (witness of ${witness} ops)`}: ${show(timing)}`,
  ]);
  linearRows.push([
    `  target < ${LINEAR_TARGET_MS} ms (CPU)`,
    timing.cpuMs < LINEAR_TARGET_MS ? 'PASS' : 'MISS',
  ]);
}
const linearTitle = `Linearizability of a ${LINEAR_OPERATIONS.toLocaleString('en-US')}-operation single-key history`;
const linearWidth = Math.max(...linearRows.map(([label]) => label.length));
console.log(`\n${linearTitle}\n${'-'.repeat(linearTitle.length)}`);
for (const [label, value] of linearRows) console.log(`  ${label.padEnd(linearWidth)}  ${value}`);
