/**
 * `npm run bench:bootstrap`: what bootstrapping a new follower costs as the leader's log grows,
 * by each method. Not a speed benchmark: the figures are simulated (messages, bytes as JSON,
 * virtual milliseconds), so they are the same on every machine and every run.
 *
 * For each log length, 20 clients write to 20 keys until the leader's log holds that many
 * entries; then n3 joins from a snapshot and n4 by replaying the whole log, while the writes go
 * on and a reader asks each of them for a key every 10 ms. The snapshot's cost follows the size
 * of the data (20 keys); the replay's follows the length of the log: the reason databases keep
 * snapshots and compact the log before them.
 */
import { nodeRuntime, runUntil } from '../src/engine/simulation';
import type { Input } from '../src/engine/types';
import { bootstrapReports } from '../src/protocols/single-leader/depthOutcome';
import { lastPos } from '../src/protocols/single-leader/log';
import { startScenario } from '../src/scenarios/run';
import type { Scenario, ScenarioInput } from '../src/scenarios/schema';
import { parseScenario } from '../src/scenarios/validate';

const LOG_LENGTHS = [100, 500, 2000, 8000];
const SEED = 3;
const CLIENTS = Array.from({ length: 20 }, (_, i) => `user-${i + 1}`);

/** Writes go on until `untilMs`; a shorter run draws the same first writes (per-client streams). */
function scenarioFor(untilMs: number): Scenario {
  const input: ScenarioInput = {
    id: 'bench-bootstrap',
    title: 'Bootstrap cost',
    summary: 'Two followers join by each method once the log has grown.',
    durationMs: untilMs + 30_000,
    cluster: {
      nodes: ['n1', 'n2'],
      leader: 'n1',
      monitor: null,
    },
    clients: ['reader-3', 'reader-4'],
    clientMaxRedirects: 0,
    workload: {
      clients: CLIENTS,
      toMs: untilMs + 30_000,
      meanGapMs: 20,
      keys: Array.from({ length: 20 }, (_, i) => `k${i}`),
      writeRatio: 1,
    },
  };
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** When the leader's log first holds `entries` entries (same seed, so the same run). */
function timeOfLogLength(entries: number): number {
  const sim = startScenario(scenarioFor(entries * 3), SEED);
  const storage = () => nodeRuntime(sim, 'n1')?.state.storage;
  for (let s = storage(); s === undefined || lastPos(s) < entries; s = storage())
    runUntil(sim, sim.core.now + 10);
  return sim.core.now;
}

function joinAt(at: number): Input[] {
  const inputs: Input[] = [
    { at, type: 'add-node', node: 'n3', args: { bootstrap: 'snapshot' } },
    { at, type: 'add-node', node: 'n4', args: { bootstrap: 'full-log' } },
  ];
  for (let t = at; t < at + 20_000; t += 10) {
    for (const node of ['n3', 'n4']) {
      const op = { f: 'read' as const, key: 'k0', readFrom: { replica: node } };
      inputs.push({ at: t, type: 'client-op', client: `reader-${node.slice(1)}`, op });
    }
  }
  return inputs;
}

const rows: string[][] = [
  ['log entries', 'method', 'messages', 'bytes', 'ready ms', 'first read ms', 'caught up ms'],
];
for (const entries of LOG_LENGTHS) {
  const at = timeOfLogLength(entries);
  const sim = startScenario(scenarioFor(entries * 3), SEED, joinAt(at));
  runUntil(sim, at);
  const done = () =>
    bootstrapReports(sim).every((b) => b.caughtUpMs !== null && b.firstReadMs !== null);
  while (!done() && sim.core.now < at + 20_000) runUntil(sim, sim.core.now + 50);
  for (const b of bootstrapReports(sim)) {
    rows.push([
      String(entries),
      b.method,
      String(b.messages),
      String(b.bytes),
      String(b.readyMs ?? '—'),
      String(b.firstReadMs ?? '—'),
      String(b.caughtUpMs ?? '—'),
    ]);
  }
}
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
for (const r of rows) console.log(r.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  '));
