import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnomalyKind, countByKind } from '../checker';
import { runAnomalies } from './anomalies';
import { findBuiltin } from './builtin';
import { randomLagArb } from './randomLag';
import { runScenario } from './run';
import type { Scenario, ScenarioInput } from './schema';
import { parseScenario } from './validate';

const TIMEOUT_MS = 120_000;

function count(scenario: Scenario, seed: number, kind: AnomalyKind): number {
  return countByKind(runAnomalies(scenario, runScenario(scenario, seed)))[kind];
}

function reparse(input: ScenarioInput): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** Each cure, the anomaly it cures, and the random runs to try it on. */
const cures: Array<{
  name: string;
  kind: AnomalyKind;
  cures: ScenarioInput['cures'];
  partitioned: boolean;
  staleReadBoundMs?: number;
}> = [
  {
    name: 'read-your-writes: wait for the write’s log position',
    kind: 'read-your-writes',
    cures: { readYourWrites: 'wait-for-position' },
    partitioned: false,
  },
  {
    name: 'read-your-writes: read own keys from the leader',
    kind: 'read-your-writes',
    cures: { readYourWrites: 'leader-for-own-keys' },
    partitioned: true,
  },
  {
    // The window must outlast the lag: the runs lag at most about 1.5 s.
    name: 'read-your-writes: read from the leader for a while after a write',
    kind: 'read-your-writes',
    cures: { readYourWrites: 'leader-after-write', leaderWindowMs: 3000 },
    partitioned: false,
  },
  {
    name: 'monotonic reads: one replica per user',
    kind: 'monotonic-reads',
    cures: { monotonicReads: 'pinned-replica' },
    partitioned: true,
  },
  {
    name: 'consistent prefix: causal reads',
    kind: 'consistent-prefix',
    cures: { consistentPrefix: 'causal-reads' },
    partitioned: true,
  },
  {
    name: 'bounded staleness: followers staler than 150 ms redirect',
    kind: 'stale-read',
    cures: { maxStalenessMs: 150 },
    partitioned: true,
    staleReadBoundMs: 150,
  },
];

describe.each(cures)('cure: $name', (cure) => {
  it(
    `leaves no ${cure.kind} anomaly in random lagging runs, which have some without it`,
    () => {
      let withoutCure = 0;
      fc.assert(
        fc.property(randomLagArb(cure), ({ scenario, seed }) => {
          expect(count(scenario, seed, cure.kind), `seed ${seed}`).toBe(0);
          const uncured = reparse({ ...scenario, cures: {} });
          withoutCure += count(uncured, seed, cure.kind);
        }),
        { numRuns: 25 },
      );
      // Not vacuous: the same runs without the cure do show the anomaly.
      expect(withoutCure).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );
});

/** The figures, their anomaly, the slow link that causes it, and how slow it must at least be. */
const figures: Array<{ id: string; kind: AnomalyKind; minLagMs: number }> = [
  { id: 'read-your-writes', kind: 'read-your-writes', minLagMs: 300 },
  { id: 'monotonic-reads', kind: 'monotonic-reads', minLagMs: 300 },
  { id: 'consistent-prefix', kind: 'consistent-prefix', minLagMs: 600 },
  { id: 'bounded-staleness', kind: 'stale-read', minLagMs: 400 },
];

describe.each(figures)('figure scenario $id under random lag', ({ id, kind, minLagMs }) => {
  it(
    `shows ${kind} with the cure off and none with it on`,
    () => {
      const base = findBuiltin(id) as Scenario;
      const cured = findBuiltin(`${id}-cured`) as Scenario;
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          fc.integer({ min: minLagMs, max: 1500 }),
          fc.integer({ min: 0, max: 300 }),
          fc.integer({ min: 0, max: 20 }),
          (seed, lagMs, lagJitterMs, jitterMs) => {
            const network = {
              latency: { baseMs: 10, jitterMs, distribution: 'uniform' as const },
              links: base.network.links.map((l) => ({
                ...l,
                latency: { baseMs: lagMs, jitterMs: lagJitterMs },
              })),
            };
            const off = reparse({ ...base, network });
            const on = reparse({ ...base, network, cures: cured.cures });
            expect(count(off, seed, kind), `seed ${seed}`).toBeGreaterThan(0);
            expect(count(on, seed, kind), `seed ${seed}`).toBe(0);
          },
        ),
        { numRuns: 40 },
      );
    },
    TIMEOUT_MS,
  );
});
