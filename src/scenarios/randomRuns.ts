/**
 * Random single-leader scenarios for property tests: a cluster, a workload, and a schedule of
 * faults that all heal before a quiet period at the end.
 */
import fc from 'fast-check';
import type { Scenario, ScenarioInput, TimelineStep } from './schema';
import { parseScenario } from './validate';

export interface RandomRunOptions {
  mode: 'sync' | 'async';
  /** Allow faults on the leader (crash, partition) that can cause failovers. */
  leaderFaults: boolean;
  /** At most this many failovers' worth of leader faults. */
  maxLeaderFaults: number;
}

const REPLICAS = ['n1', 'n2', 'n3', 'n4'];
const FAULTS_UNTIL_MS = 3000;
const WORKLOAD_UNTIL_MS = 3500;
export const QUIET_FROM_MS = 4500;
export const RUN_MS = 7000;

const faultArb = (replicas: string[], leaderFaults: boolean) => {
  const targets = leaderFaults ? replicas : replicas.slice(1);
  return fc.oneof(
    fc.record({
      kind: fc.constant('crash' as const),
      node: fc.constantFrom(...targets),
      at: fc.integer({ min: 100, max: FAULTS_UNTIL_MS }),
      downMs: fc.integer({ min: 50, max: 1500 }),
    }),
    fc.record({
      kind: fc.constant('partition' as const),
      node: fc.constantFrom(...targets),
      at: fc.integer({ min: 100, max: FAULTS_UNTIL_MS }),
      downMs: fc.integer({ min: 50, max: 1500 }),
    }),
    fc.record({
      kind: fc.constant('lag' as const),
      node: fc.constantFrom(...replicas),
      at: fc.integer({ min: 100, max: FAULTS_UNTIL_MS }),
      downMs: fc.integer({ min: 50, max: 1000 }),
    }),
  );
};

type Fault = { kind: 'crash' | 'partition' | 'lag'; node: string; at: number; downMs: number };

function faultSteps(f: Fault, replicas: string[]): TimelineStep[] {
  const end = f.at + f.downMs;
  if (f.kind === 'crash') {
    return [
      { at: f.at, type: 'crash', node: f.node },
      { at: end, type: 'restart', node: f.node },
    ];
  }
  if (f.kind === 'partition') {
    const rest = [...replicas.filter((r) => r !== f.node), 'monitor', 'user-2'];
    return [
      { at: f.at, type: 'partition', groups: [[f.node, 'user-1'], rest] },
      { at: end, type: 'heal' },
    ];
  }
  const other = replicas.find((r) => r !== f.node) as string;
  return [
    {
      at: f.at,
      type: 'set-link',
      from: f.node,
      to: other,
      latency: { baseMs: 300, jitterMs: 100 },
    },
    { at: end, type: 'set-link', from: f.node, to: other, latency: { baseMs: 5, jitterMs: 10 } },
  ];
}

/** A random run: cluster size, latencies, drop rate, faults, and a seed. */
export function randomRunArb(
  options: RandomRunOptions,
): fc.Arbitrary<{ scenario: Scenario; seed: number }> {
  return fc
    .record({
      size: fc.integer({ min: 2, max: 4 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      jitterMs: fc.integer({ min: 0, max: 40 }),
      dropRate: fc.constantFrom(0, 0, 0.01, 0.05),
      fencing: fc.boolean(),
      faults: fc.array(faultArb(REPLICAS, false), { maxLength: 3 }),
      leaderFaults: options.leaderFaults
        ? fc.array(faultArb(['n1'], true), { minLength: 1, maxLength: options.maxLeaderFaults })
        : fc.constant([]),
    })
    .map((r) => {
      const replicas = REPLICAS.slice(0, r.size);
      const inCluster = (f: Fault) =>
        replicas.includes(f.node) && (f.kind !== 'lag' || replicas.length > 1);
      const faults = [...r.faults, ...r.leaderFaults].filter(inCluster);
      // Every replica, the first leader included, has the mode it gets whenever it follows.
      const followers = Object.fromEntries(replicas.map((id) => [id, options.mode]));
      const input: ScenarioInput = {
        id: 'random',
        title: 'random',
        summary: 'random faults',
        durationMs: RUN_MS,
        cluster: { nodes: replicas, leader: 'n1', followers, fencing: r.fencing },
        clientTimeoutMs: 800,
        network: {
          latency: { baseMs: 5, jitterMs: r.jitterMs, distribution: 'exponential' },
          dropRate: r.dropRate,
        },
        workload: {
          clients: ['user-1', 'user-2'],
          toMs: WORKLOAD_UNTIL_MS,
          meanGapMs: 40,
          keys: ['a', 'b', 'c'],
          writeRatio: 0.7,
        },
        timeline: faults
          .flatMap((f) => faultSteps(f, replicas))
          // Overlapping faults on one node must still end healed: a final heal and restarts.
          .concat([{ at: QUIET_FROM_MS - 500, type: 'heal' }])
          .concat(
            replicas.map((n) => ({ at: QUIET_FROM_MS - 500, type: 'restart' as const, node: n })),
          ),
      };
      const parsed = parseScenario(input);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      return { scenario: parsed.scenario, seed: r.seed };
    });
}
