import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyOps } from '../engine/historyLog';
import { nodeRuntime, nodeRuntimes, runUntilQuiet } from '../engine/simulation';
import type { HistoryOp } from '../engine/types';
import { barrierWindows } from '../protocols/single-leader/depthOutcome';
import { authoritativeReplica, converged, lostWrites } from '../protocols/single-leader/outcome';
import {
  barrierRunArb,
  bootstrapRunArb,
  cascadeRunArb,
  DEPTH_RUN_MS,
  promotionRunArb,
} from './depthRandomRuns';
import { runScenario } from './run';

const runs = { numRuns: 40 };

function dataOf(sim: ReturnType<typeof runScenario>, id: string) {
  return nodeRuntime(sim, id)?.state.storage.data;
}

/** The highest log position among writes acknowledged before `t`. */
function ackedPosBefore(history: readonly HistoryOp[], t: number): number {
  let pos = 0;
  for (const h of history)
    if (h.type === 'ok' && h.f === 'write' && h.time < t) pos = Math.max(pos, Number(h.meta?.pos));
  return pos;
}

describe('single-leader in depth, over random runs', () => {
  it('bootstrapping by snapshot and by replaying the whole log give the same data, and neither serves a read before it holds what the leader had acknowledged when it joined', () => {
    fc.assert(
      fc.property(bootstrapRunArb(), ({ scenario, seed }) => {
        const sim = runScenario(scenario, seed);
        expect(runUntilQuiet(sim, 3000, 3 * DEPTH_RUN_MS)).toBe(true);
        const leader = dataOf(sim, 'n1');
        expect(dataOf(sim, 'n3')).toEqual(leader);
        expect(dataOf(sim, 'n4')).toEqual(leader);
        const joinedAt: Record<string, number> = {};
        for (const step of scenario.timeline)
          if (step.type === 'add-node') joinedAt[step.node] = step.at;
        for (const h of historyOps(sim.logs.history)) {
          const joined = h.node === undefined ? undefined : joinedAt[h.node];
          if (h.type !== 'ok' || h.f !== 'read' || joined === undefined) continue;
          expect(Number(h.meta?.pos)).toBeGreaterThanOrEqual(
            ackedPosBefore(historyOps(sim.logs.history), joined),
          );
        }
      }),
      runs,
    );
  });

  it('cascading followers converge to the leader’s data after faults heal', () => {
    fc.assert(
      fc.property(cascadeRunArb(), ({ scenario, seed }) => {
        const sim = runScenario(scenario, seed);
        expect(runUntilQuiet(sim, 3000, 3 * DEPTH_RUN_MS)).toBe(true);
        const live = nodeRuntimes(sim).filter((n) => n.up);
        expect(live.length).toBe(4);
        expect(converged(sim)).toBe(true);
        const leader = dataOf(sim, 'n1');
        for (const n of live) expect(n.state.storage.data).toEqual(leader);
      }),
      runs,
    );
  });

  it('with the write barrier on, no write is accepted before the barrier lifts, and it does lift', () => {
    let sawRefusal = false;
    fc.assert(
      fc.property(barrierRunArb(), ({ scenario, seed }) => {
        const sim = runScenario(scenario, seed);
        expect(runUntilQuiet(sim, 3000, 3 * DEPTH_RUN_MS)).toBe(true);
        const windows = barrierWindows(sim);
        for (const n of nodeRuntimes(sim)) {
          for (const e of n.state.storage.log) {
            const under = windows.find(
              (w) => w.epoch === e.epoch && e.appendedAt >= w.upAt && e.appendedAt < w.liftedAt,
            );
            expect(under, `entry ${e.pos} (epoch ${e.epoch}) on ${n.id}`).toBeUndefined();
          }
        }
        // Liveness: the leader at the end has no barrier left up.
        const truth = authoritativeReplica(sim);
        expect(nodeRuntime(sim, truth as string)?.state.leader?.barrier ?? null).toBeNull();
        if (historyOps(sim.logs.history).some((h) => h.error?.startsWith('write barrier') === true))
          sawRefusal = true;
      }),
      runs,
    );
    expect(sawRefusal).toBe(true);
  });

  it('with peer catch-up on promotion, the acknowledged writes lost are a subset of those lost without it', () => {
    let sawFewer = false;
    fc.assert(
      fc.property(promotionRunArb(), ({ scenario, seed }) => {
        const without = runScenario(scenario, seed);
        const withCatchUp = runScenario(
          { ...scenario, cluster: { ...scenario.cluster, promotionCatchUp: true } },
          seed,
        );
        const lostWithout = new Set(lostWrites(without).map((w) => w.opId));
        const lostWith = lostWrites(withCatchUp).map((w) => w.opId);
        for (const op of lostWith) expect(lostWithout.has(op), `op ${op}`).toBe(true);
        if (lostWith.length < lostWithout.size) sawFewer = true;
      }),
      { numRuns: 60 },
    );
    // Not vacuous: promotion catch-up does save writes in some runs.
    expect(sawFewer).toBe(true);
  });
});
