/**
 * Histories for the checker benchmarks, cut from simulated runs. Single-key histories of
 * 1,000 operations for the linearizability benchmark: five clients
 * writing and reading one key of a three-replica cluster, reading from the leader (with
 * synchronous followers: linearizable, so the search must go all the way) or from any replica
 * (stale reads: a violation to find and explain).
 */
import { historyOps } from '../src/engine/historyLog';
import { runUntil } from '../src/engine/simulation';
import type { HistoryOp } from '../src/engine/types';
import { startScenario } from '../src/scenarios/run';
import type { ScenarioInput } from '../src/scenarios/schema';
import { parseScenario } from '../src/scenarios/validate';

function input(reads: 'leader' | 'any'): ScenarioInput {
  return {
    id: `bench-linearizability-${reads}`,
    title: 'Linearizability benchmark',
    summary: 'Five clients on one key.',
    durationMs: 120_000,
    cluster: {
      nodes: ['n1', 'n2', 'n3'],
      leader: 'n1',
      monitor: null,
      followers: { n2: 'sync', n3: 'sync' },
      reads,
    },
    network: { latency: { baseMs: 5, jitterMs: 20, distribution: 'exponential' } },
    workload: {
      clients: ['c1', 'c2', 'c3', 'c4', 'c5'],
      toMs: 120_000,
      meanGapMs: 15,
      keys: ['k'],
      writeRatio: 0.5,
    },
  };
}

/**
 * Run `scenario` until it has invoked `operations` operations and cut the history just after
 * the last one's completion: like a live run, a few later ones are still pending, unless
 * `dropLater` leaves them out.
 */
export function historyOfRun(
  scenario: ScenarioInput,
  seed: number,
  operations: number,
  dropLater = false,
): HistoryOp[] {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const sim = startScenario(parsed.scenario, seed);
  const invokes = () => historyOps(sim.logs.history).filter((h) => h.type === 'invoke');
  while (invokes().length < operations) runUntil(sim, sim.core.now + 1000);
  const counted = invokes().slice(0, operations);
  const last = counted[operations - 1] as HistoryOp;
  const done = historyOps(sim.logs.history).findIndex(
    (h) => h.opId === last.opId && h.type !== 'invoke',
  );
  const cut = historyOps(sim.logs.history).slice(0, done + 1);
  if (!dropLater) return cut;
  const kept = new Set(counted.map((h) => h.opId));
  return cut.filter((h) => kept.has(h.opId));
}

/** The first `operations` operations on one key, none pending. */
export function singleKeyHistory(reads: 'leader' | 'any', operations: number): HistoryOp[] {
  return historyOfRun(input(reads), 3, operations, true);
}
