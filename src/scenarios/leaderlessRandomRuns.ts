/**
 * Random leaderless runs for property tests: a cluster with random quorum settings, a workload,
 * lag, message loss, and crashes and partitions that all heal before a quiet period at the end.
 */
import fc from 'fast-check';
import type { LeaderlessScenario, LeaderlessScenarioInput } from './leaderlessSchema';
import type { TimelineStep } from './schema';
import { parseAnyScenario } from './validateLeaderless';

export interface LeaderlessRunOptions {
  /** Only settings with w + r > n. */
  strictQuorum: boolean;
  sloppyQuorum: boolean;
  conflicts: 'siblings' | 'lww';
  /** Who coordinates (drawn per run): by default a node (`preferred` or `any`) or the client. */
  coordinators?: readonly ('preferred' | 'any' | 'client')[];
}

const COORDINATORS = ['preferred', 'any', 'client'] as const;

const NODES = ['n1', 'n2', 'n3', 'n4', 'n5'];
const FAULTS_UNTIL_MS = 2500;
const WORKLOAD_UNTIL_MS = 3000;
/** Every fault has healed by now. */
export const LEADERLESS_QUIET_FROM_MS = 3500;
export const LEADERLESS_RUN_MS = 9000;

const faultArb = fc.record({
  kind: fc.constantFrom('crash' as const, 'partition' as const, 'lag' as const),
  node: fc.integer({ min: 0, max: NODES.length - 1 }),
  at: fc.integer({ min: 100, max: FAULTS_UNTIL_MS }),
  downMs: fc.integer({ min: 50, max: 1000 }),
});
type Fault = typeof faultArb extends fc.Arbitrary<infer F> ? F : never;

function faultSteps(f: Fault, nodes: string[]): TimelineStep[] {
  const node = nodes[f.node % nodes.length] as string;
  const end = Math.min(f.at + f.downMs, FAULTS_UNTIL_MS + 500);
  if (f.kind === 'crash') {
    return [
      { at: f.at, type: 'crash', node },
      { at: end, type: 'restart', node },
    ];
  }
  if (f.kind === 'partition') {
    const rest = [...nodes.filter((n) => n !== node), 'user-2'];
    return [
      { at: f.at, type: 'partition', groups: [[node, 'user-1'], rest] },
      { at: end, type: 'heal' },
    ];
  }
  // Lag: every link into the node turns slow, so it falls behind the writes the others take.
  const others = nodes.filter((n) => n !== node);
  const slow = { baseMs: 300, jitterMs: 100 };
  const fast = { baseMs: 5, jitterMs: 10 };
  return others.flatMap((from): TimelineStep[] => [
    { at: f.at, type: 'set-link', from, to: node, oneWay: true, latency: slow },
    { at: end, type: 'set-link', from, to: node, oneWay: true, latency: fast },
  ]);
}

const quorumArb = (strict: boolean) =>
  fc
    .record({
      size: fc.integer({ min: 1, max: 5 }),
      n: fc.integer({ min: 1, max: 5 }),
      w: fc.integer({ min: 1, max: 5 }),
      r: fc.integer({ min: 1, max: 5 }),
    })
    .map(({ size, n, w, r }) => {
      const nn = Math.min(n, size);
      const ww = Math.min(w, nn);
      // A strict quorum raises r just enough to overlap every write quorum.
      const rr = strict ? Math.max(Math.min(r, nn), nn - ww + 1) : Math.min(r, nn);
      return { size, n: nn, w: ww, r: rr };
    });

export function leaderlessRunArb(
  options: LeaderlessRunOptions,
): fc.Arbitrary<{ scenario: LeaderlessScenario; seed: number }> {
  return fc
    .record({
      quorum: quorumArb(options.strictQuorum),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      jitterMs: fc.integer({ min: 0, max: 40 }),
      dropRate: fc.constantFrom(0, 0, 0.01, 0.05),
      coordinator: fc.constantFrom(...(options.coordinators ?? COORDINATORS)),
      readRepair: fc.boolean(),
      faults: fc.array(faultArb, { maxLength: 4 }),
    })
    .map((r) => {
      const nodes = NODES.slice(0, r.quorum.size);
      const input: LeaderlessScenarioInput = {
        id: 'random-leaderless',
        protocol: 'leaderless',
        title: 'random',
        summary: 'random faults',
        durationMs: LEADERLESS_RUN_MS,
        cluster: {
          nodes,
          n: r.quorum.n,
          w: r.quorum.w,
          r: r.quorum.r,
          coordinator: r.coordinator,
          conflicts: options.conflicts,
          readRepair: r.readRepair,
          sloppyQuorum: options.sloppyQuorum,
          antiEntropyIntervalMs: 300,
          hintedHandoffIntervalMs: 300,
          replicaTimeoutMs: 150,
        },
        clientTimeoutMs: 800,
        network: {
          latency: { baseMs: 5, jitterMs: r.jitterMs, distribution: 'exponential' },
          dropRate: r.dropRate,
        },
        workload: {
          clients: ['user-1', 'user-2'],
          toMs: WORKLOAD_UNTIL_MS,
          meanGapMs: 60,
          keys: ['a', 'b', 'c'],
          writeRatio: 0.6,
        },
        timeline: [
          ...r.faults.flatMap((f) => faultSteps(f, nodes)),
          // Overlapping faults must still end healed and running.
          { at: LEADERLESS_QUIET_FROM_MS - 100, type: 'heal' },
          ...nodes.map((node) => ({
            at: LEADERLESS_QUIET_FROM_MS - 100,
            type: 'restart' as const,
            node,
          })),
        ],
      };
      return leaderlessRun({ scenario: input, seed: r.seed });
    });
}

/** A run written down (a generated one, or one a property once failed on), validated. */
export function leaderlessRun(run: { scenario: unknown; seed: number }): {
  scenario: LeaderlessScenario;
  seed: number;
} {
  const parsed = parseAnyScenario(run.scenario);
  if (!parsed.ok || parsed.scenario.protocol !== 'leaderless')
    throw new Error(
      `random scenario invalid: ${parsed.ok ? 'wrong protocol' : parsed.errors.join('; ')}`,
    );
  return { scenario: parsed.scenario, seed: run.seed };
}
