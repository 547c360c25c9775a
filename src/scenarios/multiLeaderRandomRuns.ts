/**
 * Random multi-leader runs for property tests: two to four datacenters (the first with a
 * follower), a random topology, value kind and conflict strategy, client writes drawn for that
 * kind, lag, message loss, crashes and partitions that all heal before a quiet period, and the
 * operator re-routing the topology meanwhile (perhaps while a leader is down).
 */
import fc from 'fast-check';
import type { Value } from '../engine/types';
import type { MultiLeaderScenario, MultiLeaderScenarioInput } from './multiLeaderSchema';
import { parseMultiLeaderScenario } from './validateMultiLeader';

export type Kind = 'register' | 'counter' | 'set' | 'text' | 'list';
type Strategy = NonNullable<MultiLeaderScenarioInput['cluster']['conflicts']>;
type TopologyIn = NonNullable<MultiLeaderScenarioInput['cluster']['topology']>;
type Step = NonNullable<MultiLeaderScenarioInput['timeline']>[number];

export interface MultiLeaderRunOptions {
  kinds: readonly Kind[];
  strategies: readonly Strategy[];
  versionVectors: 'on' | 'off' | 'either';
}

const FAULTS_UNTIL_MS = 2500;
const WRITES_UNTIL_MS = 3000;
/** Every fault has healed and every node is up by now. */
export const ML_QUIET_FROM_MS = 3500;
export const ML_RUN_MS = 9000;

const VALUES: Record<Kind, fc.Arbitrary<Value>> = {
  register: fc.constant(null),
  counter: fc.integer({ min: -2, max: 5 }),
  set: fc.constantFrom('a', 'b', 'c', '-a', '-b', '-c'),
  text: fc.constantFrom('xy', '+0:Q', '+2:zz', '-0:1', '-1:3', 'w'),
  list: fc.constantFrom('m1', 'm2', 'm3'),
};

const faultArb = fc.record({
  kind: fc.constantFrom('crash' as const, 'partition' as const, 'lag' as const, 'reroute' as const),
  dc: fc.nat(3),
  at: fc.integer({ min: 100, max: FAULTS_UNTIL_MS }),
  downMs: fc.integer({ min: 50, max: 1200 }),
  /** What a re-route switches to (the ring and the star start at the fault's datacenter). */
  topology: fc.constantFrom('all-to-all' as const, 'circular' as const, 'star' as const),
});
type Fault = typeof faultArb extends fc.Arbitrary<infer F> ? F : never;

function faultSteps(f: Fault, dcs: string[]): Step[] {
  const dc = dcs[f.dc % dcs.length] as string;
  const end = Math.min(f.at + f.downMs, FAULTS_UNTIL_MS + 500);
  if (f.kind === 'crash')
    return [
      { at: f.at, type: 'crash-dc', dc },
      { at: end, type: 'restart-dc', dc },
    ];
  if (f.kind === 'partition') {
    const rest = dcs.filter((d) => d !== dc);
    return [
      { at: f.at, type: 'partition-dcs', groups: [[dc], rest] },
      { at: end, type: 'heal' },
    ];
  }
  if (f.kind === 'reroute') return [{ at: f.at, type: 'set-topology', topology: reroute(f, dcs) }];
  const others = dcs.filter((d) => d !== dc).map((d) => `L-${d}`);
  return others.flatMap((from): Step[] => [
    { at: f.at, type: 'set-link', from, to: `L-${dc}`, oneWay: true, latency: { baseMs: 400 } },
    { at: end, type: 'set-link', from, to: `L-${dc}`, oneWay: true, latency: { baseMs: 60 } },
  ]);
}

/** A connected topology for the operator to switch to: all-to-all, a ring or a star. */
function reroute(f: Fault, dcs: string[]): TopologyIn {
  const leaders = dcs.map((d) => `L-${d}`);
  const first = f.dc % leaders.length;
  if (f.topology === 'all-to-all') return 'all-to-all';
  if (f.topology === 'circular')
    return { circular: [...leaders.slice(first), ...leaders.slice(0, first)].reverse() };
  return { star: leaders[first] as string };
}

function topologyArb(leaders: string[]): fc.Arbitrary<TopologyIn> {
  const extra = fc.array(fc.tuple(fc.constantFrom(...leaders), fc.constantFrom(...leaders)), {
    maxLength: 4,
  });
  return fc.oneof(
    fc.constant('all-to-all' as const),
    fc.constant({ circular: leaders }),
    fc.constant({ star: leaders[0] as string }),
    // A ring plus random shortcuts: still connected, with several paths for a change to take.
    extra.map((links) => ({
      custom: [
        ...leaders.map((l, i) => [l, leaders[(i + 1) % leaders.length]] as [string, string]),
        ...links.filter(([a, b]) => a !== b),
      ],
    })),
  );
}

const writeArb = (kind: Kind) =>
  fc.record({
    at: fc.integer({ min: 50, max: WRITES_UNTIL_MS }),
    client: fc.nat(3),
    key: fc.constantFrom('k1', 'k2'),
    value: VALUES[kind],
  });

export function multiLeaderRunArb(
  options: MultiLeaderRunOptions,
): fc.Arbitrary<{ scenario: MultiLeaderScenario; seed: number }> {
  return fc
    .record({
      size: fc.integer({ min: 2, max: 4 }),
      kind: fc.constantFrom(...options.kinds),
      strategy: fc.constantFrom(...options.strategies),
      vv:
        options.versionVectors === 'either'
          ? fc.boolean()
          : fc.constant(options.versionVectors === 'on'),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      dropRate: fc.constantFrom(0, 0, 0.02, 0.1),
      faults: fc.array(faultArb, { maxLength: 4 }),
    })
    .chain((r) => {
      const dcs = ['a', 'b', 'c', 'd'].slice(0, r.size);
      const leaders = dcs.map((d) => `L-${d}`);
      return fc
        .record({
          topology: topologyArb(leaders),
          writes: fc.array(writeArb(r.kind), { minLength: 1, maxLength: 25 }),
        })
        .map(({ topology, writes }) => build(r, dcs, topology, writes));
    });
}

function build(
  r: {
    kind: Kind;
    strategy: Strategy;
    vv: boolean;
    seed: number;
    dropRate: number;
    faults: Fault[];
  },
  dcs: string[],
  topology: TopologyIn,
  writes: { at: number; client: number; key: string; value: Value }[],
) {
  const clientOf = (i: number) => `u-${dcs[i % dcs.length]}`;
  const input: MultiLeaderScenarioInput = {
    id: 'random-multi-leader',
    protocol: 'multi-leader',
    title: 'random',
    summary: 'random faults',
    durationMs: ML_RUN_MS,
    cluster: {
      datacenters: dcs.map((d, i) => ({
        id: d,
        leader: `L-${d}`,
        followers: i === 0 ? [`F-${d}`] : [],
        clients: [`u-${d}`],
      })),
      interDcLatency: { baseMs: 60, jitterMs: 40 },
      topology,
      conflicts: r.strategy,
      values: r.kind,
      versionVectors: r.vv,
      retryMs: 200,
    },
    clientTimeoutMs: 600,
    network: { latency: { baseMs: 2, jitterMs: 3 }, dropRate: r.dropRate },
    timeline: [
      // Register values are unique per write, so a final value names the write that made it.
      ...writes.map(
        (w, i): Step => ({
          at: w.at,
          type: 'write',
          client: clientOf(w.client),
          key: w.key,
          value: r.kind === 'register' ? `w${i}` : w.value,
        }),
      ),
      ...r.faults.flatMap((f) => faultSteps(f, dcs)),
      { at: ML_QUIET_FROM_MS - 100, type: 'heal' },
      ...dcs.map((dc): Step => ({ at: ML_QUIET_FROM_MS - 100, type: 'restart-dc', dc })),
    ],
  };
  return multiLeaderRun({ scenario: input, seed: r.seed });
}

/** A run written down (a generated one, or one a property once failed on), validated. */
export function multiLeaderRun(run: { scenario: unknown; seed: number }): {
  scenario: MultiLeaderScenario;
  seed: number;
} {
  const parsed = parseMultiLeaderScenario(run.scenario);
  if (!parsed.ok) throw new Error(`random scenario invalid: ${parsed.errors.join('; ')}`);
  return { scenario: parsed.scenario, seed: run.seed };
}
