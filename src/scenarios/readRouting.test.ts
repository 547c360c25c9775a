import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyOps } from '../engine/historyLog';
import { findBuiltin } from './builtin';
import { randomRunArb } from './randomRuns';
import { runScenario } from './run';

describe('read routing', () => {
  it('a user read sent to a chosen follower is answered by that follower', () => {
    const scenario = findBuiltin('sync-vs-async');
    if (scenario === undefined) throw new Error('missing built-in scenario');
    // user-1234 reads from the leader by default; this one read goes to follower-2.
    const sim = runScenario(scenario, 1, [
      {
        at: 1500,
        type: 'client-op',
        client: 'user-1234',
        op: { f: 'read', key: 'users.1234.picture_url', readFrom: { replica: 'follower-2' } },
      },
    ]);
    const answered = historyOps(sim.logs.history).filter(
      (op) => op.type === 'ok' && op.f === 'read' && op.process === 'user-1234',
    );
    expect(answered.map((op) => op.node)).toContain('follower-2');
  });

  it('reads meant for the leader are answered only by a replica that leads, over failovers', () => {
    // After a timeout the client guesses the next replica leads; a follower it guessed wrong
    // redirects the read instead of serving data the client never asked it for.
    fc.assert(
      fc.property(
        randomRunArb({ mode: 'async', leaderFaults: true, maxLeaderFaults: 2 }),
        ({ scenario, seed }) => {
          expect(scenario.cluster.reads).toBe('leader');
          const sim = runScenario(scenario, seed);
          const servedBy = historyOps(sim.logs.history)
            .filter((h) => h.type === 'ok' && h.f === 'read')
            .map((h) => h.meta?.role);
          expect(servedBy.length).toBeGreaterThan(0);
          expect(servedBy.filter((role) => role !== 'leader')).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
