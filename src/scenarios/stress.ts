/**
 * Stress scenarios: large, busy clusters for the UI benchmark (`npm run bench:ui`) and for anyone
 * who wants to see how the picture holds up under load. They open by id like a built-in
 * (`?scenario=stress-25`) but are not in the guided catalogue: they teach nothing new.
 *
 * The shape keeps many messages in flight at once: clients sit next to the leader (fast links),
 * the leader's links to its asynchronous followers are slow, so every write puts one replicate
 * message per follower, and later its acknowledgement, on a long wire.
 */
import type { Scenario, ScenarioInput } from './schema';
import { parseScenario } from './validate';

export interface StressOptions {
  id: string;
  replicas: number;
  clients: number;
  /** Mean gap between one client's writes. */
  meanGapMs: number;
  /** Latency between replicas (and from clients to followers). */
  replicationLatencyMs: number;
  durationMs?: number;
}

export function stressScenario(options: StressOptions): Scenario {
  const { id, replicas, clients, meanGapMs, replicationLatencyMs } = options;
  const durationMs = options.durationMs ?? 30_000;
  const nodes = Array.from({ length: replicas }, (_, i) => `n${i + 1}`);
  const users = Array.from({ length: clients }, (_, i) => `user-${i + 1}`);
  const leader = nodes[0] as string;
  const input: ScenarioInput = {
    id,
    title: `Stress: ${replicas} replicas under constant writes`,
    summary: `${replicas} replicas, ${clients} clients writing as fast as they can; hundreds of messages in flight.`,
    topic: 'stress',
    durationMs,
    cluster: {
      nodes,
      leader,
      monitor: null,
      followers: Object.fromEntries(nodes.slice(1).map((n) => [n, 'async'])),
    },
    clients: users,
    network: {
      latency: {
        baseMs: replicationLatencyMs,
        jitterMs: replicationLatencyMs / 4,
        distribution: 'uniform',
      },
      links: users.map((u) => ({ from: u, to: leader, latency: { baseMs: 2, jitterMs: 2 } })),
    },
    workload: {
      clients: users,
      fromMs: 0,
      toMs: durationMs,
      meanGapMs,
      keys: Array.from({ length: 20 }, (_, i) => `k${i}`),
      writeRatio: 1,
    },
  };
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`stress scenario ${id} is invalid:\n${parsed.errors.join('\n')}`);
  return parsed.scenario;
}

/**
 * The two loads the visualizer issue names: five nodes with about 200 messages in flight, and
 * twenty-five nodes with about 1,000.
 */
export const stressScenarios: readonly Scenario[] = [
  stressScenario({
    id: 'stress-5',
    replicas: 5,
    clients: 2,
    meanGapMs: 120,
    replicationLatencyMs: 800,
  }),
  stressScenario({
    id: 'stress-25',
    replicas: 25,
    clients: 2,
    meanGapMs: 150,
    replicationLatencyMs: 800,
  }),
];

export function findStress(id: string): Scenario | undefined {
  return stressScenarios.find((s) => s.id === id);
}
