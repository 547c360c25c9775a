/**
 * Random runs for the single-leader in-depth property tests: followers joining by each
 * bootstrap method, cascading trees under follower faults, recovering leaders behind a write
 * barrier, and failovers where a follower other than the promoted one holds more of the log.
 * Every fault heals before a quiet period at the end.
 */
import fc from 'fast-check';
import type { Scenario, ScenarioInput, TimelineStep } from './schema';
import { parseScenario } from './validate';

export const DEPTH_RUN_MS = 6000;
const WORKLOAD = {
  clients: ['user-1', 'user-2'],
  toMs: 3000,
  meanGapMs: 60,
  keys: ['a', 'b', 'c'],
  writeRatio: 0.8,
};

function parsed(input: ScenarioInput): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

const network = (jitterMs: number, dropRate: number) => ({
  latency: { baseMs: 5, jitterMs, distribution: 'exponential' as const },
  dropRate,
});

/** A follower fault that heals: a crash and restart, or a partition from everyone else. */
const followerFaultArb = (nodes: string[]) =>
  fc.record({
    node: fc.constantFrom(...nodes),
    crash: fc.boolean(),
    at: fc.integer({ min: 200, max: 2500 }),
    downMs: fc.integer({ min: 50, max: 1200 }),
  });

function faultSteps(
  f: { node: string; crash: boolean; at: number; downMs: number },
  all: string[],
): TimelineStep[] {
  const end = f.at + f.downMs;
  if (f.crash) {
    return [
      { at: f.at, type: 'crash', node: f.node },
      { at: end, type: 'restart', node: f.node },
    ];
  }
  const rest = [...all.filter((n) => n !== f.node), 'user-1', 'user-2'];
  return [
    { at: f.at, type: 'partition', groups: [[f.node], rest] },
    { at: end, type: 'heal' },
  ];
}

/** n3 joins by snapshot and n4 by replaying the log, at random times, while writes go on. */
export function bootstrapRunArb(): fc.Arbitrary<{ scenario: Scenario; seed: number }> {
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      jitterMs: fc.integer({ min: 0, max: 30 }),
      dropRate: fc.constantFrom(0, 0, 0.02),
      batch: fc.integer({ min: 5, max: 40 }),
      snapshotAt: fc.integer({ min: 100, max: 2500 }),
      replayAt: fc.integer({ min: 100, max: 2500 }),
      faults: fc.array(followerFaultArb(['n2']), { maxLength: 2 }),
    })
    .map((r) => ({
      seed: r.seed,
      scenario: parsed({
        id: 'random-bootstrap',
        title: 'random',
        summary: 'random bootstrap',
        durationMs: DEPTH_RUN_MS,
        cluster: {
          nodes: ['n1', 'n2'],
          leader: 'n1',
          monitor: null,
          catchUpBatch: r.batch,
          reads: 'any',
        },
        clientTimeoutMs: 400,
        network: network(r.jitterMs, r.dropRate),
        workload: WORKLOAD,
        timeline: [
          { at: r.snapshotAt, type: 'add-node', node: 'n3', bootstrap: 'snapshot' },
          { at: r.replayAt, type: 'add-node', node: 'n4', bootstrap: 'full-log' },
          ...r.faults.flatMap((f) => faultSteps(f, ['n1', 'n2', 'n3', 'n4'])),
          { at: 4000, type: 'heal' },
        ],
      }),
    }));
}

/**
 * A tree of followers under n1 (n2 direct, n3 and n4 each below n1, n2 or n3), follower faults,
 * and possibly a re-attachment mid-run.
 */
export function cascadeRunArb(): fc.Arbitrary<{ scenario: Scenario; seed: number }> {
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      jitterMs: fc.integer({ min: 0, max: 30 }),
      dropRate: fc.constantFrom(0, 0, 0.02),
      up3: fc.constantFrom('n1', 'n2'),
      up4: fc.constantFrom('n1', 'n2', 'n3'),
      faults: fc.array(followerFaultArb(['n2', 'n3', 'n4']), { maxLength: 3 }),
      move: fc.option(
        fc.record({
          at: fc.integer({ min: 200, max: 3000 }),
          upstream: fc.constantFrom<string | null>(null, 'n2'),
        }),
      ),
    })
    .map((r) => {
      const upstreams: Record<string, string> = {};
      if (r.up3 !== 'n1') upstreams.n3 = r.up3;
      if (r.up4 !== 'n1') upstreams.n4 = r.up4;
      const nodes = ['n1', 'n2', 'n3', 'n4'];
      const timeline: TimelineStep[] = [
        ...r.faults.flatMap((f) => faultSteps(f, nodes)),
        ...(r.move === null
          ? []
          : [
              {
                at: r.move.at,
                type: 'set-upstream' as const,
                follower: 'n4',
                upstream: r.move.upstream,
              },
            ]),
        { at: 4000, type: 'heal' },
        ...nodes.slice(1).map((node) => ({ at: 4000, type: 'restart' as const, node })),
      ];
      return {
        seed: r.seed,
        scenario: parsed({
          id: 'random-cascade',
          title: 'random',
          summary: 'random cascade',
          durationMs: DEPTH_RUN_MS,
          cluster: { nodes, leader: 'n1', monitor: null, upstreams, reads: 'any' },
          clientTimeoutMs: 400,
          network: network(r.jitterMs, r.dropRate),
          workload: WORKLOAD,
          timeline,
        }),
      };
    });
}

/**
 * Leader crashes with a monitor (failovers) or without (the leader restarts as leader), a slow
 * follower, and the write barrier on.
 */
export function barrierRunArb(): fc.Arbitrary<{ scenario: Scenario; seed: number }> {
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      jitterMs: fc.integer({ min: 0, max: 30 }),
      withMonitor: fc.boolean(),
      promotionCatchUp: fc.boolean(),
      slowMs: fc.integer({ min: 5, max: 300 }),
      crashAt: fc.integer({ min: 300, max: 2500 }),
      downMs: fc.integer({ min: 50, max: 1500 }),
      faults: fc.array(followerFaultArb(['n2', 'n3']), { maxLength: 2 }),
    })
    .map((r) => ({
      seed: r.seed,
      scenario: parsed({
        id: 'random-barrier',
        title: 'random',
        summary: 'random barrier',
        durationMs: DEPTH_RUN_MS,
        cluster: {
          nodes: ['n1', 'n2', 'n3'],
          leader: 'n1',
          monitor: r.withMonitor ? 'monitor' : null,
          writeBarrier: true,
          promotionCatchUp: r.promotionCatchUp,
        },
        clientTimeoutMs: 300,
        network: {
          ...network(r.jitterMs, 0),
          links: [{ from: 'n1', to: 'n2', latency: { baseMs: r.slowMs } }],
        },
        workload: WORKLOAD,
        timeline: [
          { at: r.crashAt, type: 'crash', node: 'n1' },
          { at: r.crashAt + r.downMs, type: 'restart', node: 'n1' },
          ...r.faults.flatMap((f) =>
            faultSteps(f, r.withMonitor ? ['n1', 'n2', 'n3', 'monitor'] : ['n1', 'n2', 'n3']),
          ),
          { at: 4000, type: 'heal' },
        ],
      }),
    }));
}

/**
 * One leader crash (for good) with a monitor; followers of random modes, some slow from the
 * leader and some slow to the monitor, so the promoted follower may lack entries another has.
 * Returns the scenario without promotion catch-up; the test switches it on.
 */
export function promotionRunArb(): fc.Arbitrary<{ scenario: Scenario; seed: number }> {
  const nodes = ['n1', 'n2', 'n3', 'n4'];
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      jitterMs: fc.integer({ min: 0, max: 30 }),
      modes: fc.tuple(...nodes.slice(1).map(() => fc.constantFrom('sync', 'async'))),
      lagMs: fc.tuple(...nodes.slice(1).map(() => fc.integer({ min: 0, max: 250 }))),
      toMonitorMs: fc.tuple(...nodes.slice(1).map(() => fc.integer({ min: 0, max: 300 }))),
      fencing: fc.boolean(),
      crashAt: fc.integer({ min: 500, max: 2500 }),
    })
    .map((r) => {
      const followers = nodes.slice(1);
      const links = followers.flatMap((f, i) => [
        { from: 'n1', to: f, oneWay: true, latency: { baseMs: 5 + (r.lagMs[i] ?? 0) } },
        { from: f, to: 'monitor', oneWay: true, latency: { baseMs: 5 + (r.toMonitorMs[i] ?? 0) } },
      ]);
      return {
        seed: r.seed,
        scenario: parsed({
          id: 'random-promotion',
          title: 'random',
          summary: 'random promotion',
          durationMs: DEPTH_RUN_MS,
          cluster: {
            nodes,
            leader: 'n1',
            followers: Object.fromEntries(followers.map((f, i) => [f, r.modes[i] ?? 'async'])),
            fencing: r.fencing,
          },
          clientTimeoutMs: 400,
          network: { ...network(r.jitterMs, 0), links },
          workload: WORKLOAD,
          timeline: [{ at: r.crashAt, type: 'crash', node: 'n1' }],
        }),
      };
    });
}
