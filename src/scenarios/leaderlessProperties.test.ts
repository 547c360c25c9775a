import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyOps } from '../engine/historyLog';
import { runUntilQuiet } from '../engine/simulation';
import { formatHash } from '../engine/traceHash';
import {
  leaderlessConverged,
  leaderlessLostWrites,
  leaderlessOutcome,
  leaderlessStaleReads,
} from '../protocols/leaderless/outcome';
import staleReadRuns from './leaderlessClientStaleReadRuns.json';
import { leaderlessRun, leaderlessRunArb } from './leaderlessRandomRuns';
import { runLeaderlessScenario, startLeaderlessScenario } from './leaderlessRun';
import type { LeaderlessScenario } from './leaderlessSchema';

const RUNS = 60;

/**
 * Runs these properties once failed on (client as coordinator): a client read a stale copy (a
 * hinted write on a stand-in), then wrote over it; its write's vector claimed its own newer
 * writes were seen, and a replica dropped one it held.
 */
const STALE_READ_RUNS = staleReadRuns.map(
  (run) => [leaderlessRun(run)] as [ReturnType<typeof leaderlessRun>],
);
const TIMEOUT_MS = 60_000;

/** Run until every client is idle, then long enough for anti-entropy and handoff to finish. */
function runToQuiet(scenario: LeaderlessScenario, seed: number) {
  const sim = startLeaderlessScenario(scenario, seed);
  const quiet = runUntilQuiet(sim, 4000, 120_000);
  expect(quiet, `seed ${seed}: clients never went idle`).toBe(true);
  return sim;
}

const anyConflicts = fc.constantFrom('siblings' as const, 'lww' as const);

describe('leaderless replication over random faults (coordinated by a node or the client)', () => {
  it(
    'is deterministic: the same scenario and seed give the same trace',
    () => {
      const arb = leaderlessRunArb({
        strictQuorum: false,
        sloppyQuorum: true,
        conflicts: 'siblings',
      });
      fc.assert(
        fc.property(arb, ({ scenario, seed }) => {
          const a = runLeaderlessScenario(scenario, seed);
          const b = runLeaderlessScenario(scenario, seed);
          expect(formatHash(a.core.traceHash)).toBe(formatHash(b.core.traceHash));
        }),
        { numRuns: 5 },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'with w + r > n and no sloppy quorum, every read sees every write acknowledged before it began',
    () => {
      const arb = anyConflicts.chain((conflicts) =>
        leaderlessRunArb({ strictQuorum: true, sloppyQuorum: false, conflicts }),
      );
      fc.assert(
        fc.property(arb, ({ scenario, seed }) => {
          const sim = runLeaderlessScenario(scenario, seed);
          const stale = leaderlessStaleReads(historyOps(sim.logs.history));
          expect(
            stale.map((r) => r.opId),
            `seed ${seed}`,
          ).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'with anti-entropy on, faults healed and the cluster quiet, the home replicas converge',
    () => {
      const arb = fc
        .record({ conflicts: anyConflicts, sloppyQuorum: fc.boolean() })
        .chain((o) => leaderlessRunArb({ strictQuorum: false, ...o }));
      fc.assert(
        fc.property(arb, ({ scenario, seed }) => {
          expect(leaderlessConverged(runToQuiet(scenario, seed)), `seed ${seed}`).toBe(true);
        }),
        { numRuns: RUNS, examples: STALE_READ_RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'with siblings, no acknowledged write is lost: it is kept, or a write that read it replaced it',
    () => {
      const arb = fc
        .boolean()
        .chain((sloppyQuorum) =>
          leaderlessRunArb({ strictQuorum: false, sloppyQuorum, conflicts: 'siblings' }),
        );
      fc.assert(
        fc.property(arb, ({ scenario, seed }) => {
          const lost = leaderlessLostWrites(runToQuiet(scenario, seed));
          expect(
            lost.map((h) => h.opId),
            `seed ${seed}`,
          ).toEqual([]);
        }),
        { numRuns: RUNS, examples: STALE_READ_RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'under last-write-wins, every write that vanished is in the report of discarded writes',
    () => {
      const arb = fc
        .boolean()
        .chain((sloppyQuorum) =>
          leaderlessRunArb({ strictQuorum: false, sloppyQuorum, conflicts: 'lww' }),
        );
      fc.assert(
        fc.property(arb, ({ scenario, seed }) => {
          const sim = runToQuiet(scenario, seed);
          const { metrics, lwwDiscarded } = leaderlessOutcome(sim);
          const reported = new Set(lwwDiscarded.map((d) => d.loserOp));
          const unreported = leaderlessLostWrites(sim).filter((h) => !reported.has(h.opId));
          expect(
            unreported.map((h) => h.opId),
            `seed ${seed}`,
          ).toEqual([]);
          expect(metrics.lostWritesUnreported).toBe(0);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
