import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../../checker';
import { historyOps } from '../../engine/historyLog';
import { leaderlessStaleReads, lwwDiscardedWrites } from '../../protocols/leaderless/outcome';
import { leaderlessRunArb } from '../../scenarios/leaderlessRandomRuns';
import { runLeaderlessScenario } from '../../scenarios/leaderlessRun';
import { createReplicaStore } from '../store';
import { leaderlessFindings } from './leaderlessAnomalies';

describe('leaderless findings', () => {
  it('names the acknowledged write last-write-wins discarded under clock skew', () => {
    const store = createReplicaStore('lww-clock-skew', 1);
    store.getState().seek(2000);
    const { view } = store.getState();
    // user-2's write of "C" at 150 ms, on a clock running behind, loses to user-1's at 100 ms.
    const loser = view.history.find((h) => h.process === 'user-2' && h.f === 'write');
    const winner = view.history.find((h) => h.process === 'user-1' && h.f === 'write');
    const lost = view.anomalies.filter((f) => f.kind === 'lost-write');
    expect(lost).toHaveLength(1);
    expect(lost[0]?.ops).toEqual([loser?.opId, winner?.opId]);
    expect(lost[0]?.explanation).toMatch(/silently discarded by last-write-wins/);
    expect(lost[0]?.explanation).toMatch(/a clock running behind/);
  });

  it('reports nothing in the strict-quorum scenarios, and keeps the same array while unchanged', () => {
    const store = createReplicaStore('quorum-overlap', 1);
    store.getState().seek(2500);
    const first = store.getState().view.anomalies;
    expect(first).toEqual([]);
    store.getState().stepBack();
    store.getState().stepForward();
    expect(store.getState().view.anomalies).toBe(first);
  });

  it('over random runs, every read missing an acknowledged write is reported once, and every LWW loss the client heard ok for', () => {
    const arb = leaderlessRunArb({ strictQuorum: false, sloppyQuorum: true, conflicts: 'lww' });
    const siblings = leaderlessRunArb({
      strictQuorum: false,
      sloppyQuorum: true,
      conflicts: 'siblings',
    });
    fc.assert(
      fc.property(fc.oneof(arb, siblings), ({ scenario, seed }) => {
        const sim = runLeaderlessScenario(scenario, seed);
        const history = historyOps(sim.logs.history);
        const generic = checkHistory(history, scenario.checker);
        const all = [...generic, ...leaderlessFindings(sim, generic)];
        const named = (op: number) => all.filter((f) => f.ops.includes(op)).length;
        for (const read of leaderlessStaleReads(history)) {
          expect(named(read.opId), `seed ${seed}: read ${read.opId}`).toBeGreaterThan(0);
        }
        const staleReads = all.filter((f) => f.kind === 'stale-read').map((f) => f.ops[1]);
        expect(new Set(staleReads).size, `seed ${seed}`).toBe(staleReads.length);
        const lost = new Set(all.filter((f) => f.kind === 'lost-write').map((f) => f.ops[0]));
        for (const d of lwwDiscardedWrites(sim).filter((x) => x.acknowledged)) {
          expect(lost.has(d.loserOp), `seed ${seed}: write ${d.loserOp}`).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
