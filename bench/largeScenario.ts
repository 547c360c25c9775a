/**
 * A large single-leader scenario for the engine benchmark: five replicas and a monitor, one
 * synchronous and three asynchronous followers, twenty clients issuing a random workload, and a
 * fault schedule that exercises every protocol path: a follower crash and catch-up, a
 * partition, a lag spike, a leader crash with a failover, the old leader's return (step down,
 * discard), and a new replica joining from a snapshot. Step times scale with the duration, so
 * a short version has the same shape.
 */
import type { Scenario, ScenarioInput } from '../src/scenarios/schema';
import { parseScenario } from '../src/scenarios/validate';

export interface LargeScenarioOptions {
  /** Virtual run time; the workload stops 2 % before the end so the cluster settles. */
  durationMs?: number;
  /** Number of clients in the workload. */
  clients?: number;
  /** Mean gap between one client's operations. */
  meanGapMs?: number;
  seed?: number;
}

export const LARGE_DEFAULTS: Required<LargeScenarioOptions> = {
  durationMs: 60_000,
  clients: 20,
  meanGapMs: 8,
  seed: 42,
};

/** The scenario, validated with the same parser as a scenario file. */
export function largeScenario(options: LargeScenarioOptions = {}): Scenario {
  const { durationMs, clients, meanGapMs, seed } = { ...LARGE_DEFAULTS, ...options };
  const at = (fraction: number) => Math.round(durationMs * fraction);
  const users = Array.from({ length: clients }, (_, i) => `user-${i + 1}`);
  const keys = Array.from({ length: 50 }, (_, i) => `k${i}`);
  const input: ScenarioInput = {
    id: 'bench-large',
    title: 'Engine benchmark: large single-leader run',
    summary: 'Five replicas, a monitor, twenty clients, follower and leader crashes.',
    seed,
    durationMs,
    cluster: {
      nodes: ['n1', 'n2', 'n3', 'n4', 'n5'],
      leader: 'n1',
      monitor: 'monitor',
      // n1 is listed for after the failover, when it returns as a follower.
      followers: { n1: 'async', n2: 'sync', n3: 'async', n4: 'async', n5: 'async', n6: 'async' },
      heartbeatIntervalMs: 100,
      failureTimeoutMs: 500,
      leaseMs: 300,
    },
    clientTimeoutMs: 1000,
    network: {
      latency: { baseMs: 1, jitterMs: 2, distribution: 'uniform' },
      dropRate: 0.0005,
    },
    workload: {
      clients: users,
      fromMs: 0,
      toMs: at(0.98),
      meanGapMs,
      keys,
      writeRatio: 0.6,
    },
    timeline: [
      // A follower crashes and later catches up from its last position.
      { at: at(0.2), type: 'crash', node: 'n4' },
      { at: at(0.3), type: 'restart', node: 'n4' },
      // A follower is cut off for a while.
      { at: at(0.35), type: 'partition', groups: [['n5'], ['n1', 'n2', 'n3', 'n4', 'monitor']] },
      { at: at(0.4), type: 'heal' },
      // A lag spike on one replication link.
      { at: at(0.42), type: 'set-link', from: 'n1', to: 'n3', latency: { baseMs: 50 } },
      { at: at(0.45), type: 'set-link', from: 'n1', to: 'n3', latency: { baseMs: 1 } },
      // The leader dies: the monitor fails over; the old leader returns, steps down, discards.
      { at: at(0.5), type: 'crash', node: 'n1' },
      { at: at(0.6), type: 'restart', node: 'n1' },
      // A sixth replica joins: snapshot, then catch-up, then live replication.
      { at: at(0.7), type: 'add-node', node: 'n6' },
    ],
  };
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`bench scenario is invalid:\n${parsed.errors.join('\n')}`);
  return parsed.scenario;
}
