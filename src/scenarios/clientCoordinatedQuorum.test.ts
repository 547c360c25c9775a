import { describe, expect, it } from 'vitest';
import { historyOps } from '../engine/historyLog';
import { finishedMessages } from '../engine/messageLog';
import type { HistoryOp } from '../engine/types';
import { findAnyBuiltin } from './builtin';
import { buildLeaderlessReport, runLeaderlessScenario } from './leaderlessRun';
import { isLeaderless } from './leaderlessSchema';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

function scenario() {
  const s = findAnyBuiltin('client-coordinated-quorum');
  if (s === undefined || !isLeaderless(s)) throw new Error('scenario missing');
  return s;
}

/** How long the first operation of `client` took, invoke to completion. */
function firstOpMs(history: readonly HistoryOp[], client: string): number {
  const invoke = history.find((h) => h.process === client && h.type === 'invoke') as HistoryOp;
  const done = history.find((h) => h.opId === invoke.opId && h.type !== 'invoke') as HistoryOp;
  expect(done.type).toBe('ok');
  return done.time - invoke.time;
}

describe('client-coordinated-quorum', () => {
  it.each(SEEDS)('meets its expectations with seed %i', (seed) => {
    const s = scenario();
    const report = buildLeaderlessReport(s, seed, runLeaderlessScenario(s, seed));
    expect(report.expectations.filter((e) => !e.ok)).toEqual([]);
  });

  it.each(SEEDS)(
    'seed %i: the client fans out, repairs n3 itself, and is answered sooner',
    (seed) => {
      const sim = runLeaderlessScenario(scenario(), seed);
      const sent = finishedMessages(sim.logs.messages).filter((m) => m.from === 'user-1234');
      // No request to a coordinator node: puts and gets straight to the replicas.
      expect(sent.some((m) => m.kind === 'write' || m.kind === 'read')).toBe(false);
      const firstPut = sent.filter((m) => m.kind === 'put' && m.sentAt === 100);
      expect(firstPut.map((m) => m.to).sort()).toEqual(['n1', 'n2', 'n3']);
      expect(sent.filter((m) => m.kind === 'read-repair').map((m) => m.to)).toEqual(['n3']);
      // Client to replica and back (two hops) against client, coordinator, replica and back (four).
      const history = historyOps(sim.logs.history);
      expect(firstOpMs(history, 'user-1234')).toBeLessThan(firstOpMs(history, 'user-2345'));
      const lastRead = history.filter((h) => h.process === 'user-2345' && h.type === 'ok').at(-1);
      expect(lastRead?.value).toBe('book and lamp');
    },
  );
});
