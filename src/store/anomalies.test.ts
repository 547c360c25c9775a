import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory, type Finding } from '../checker';
import { historyOps } from '../engine/historyLog';
import { findBuiltin } from '../scenarios/builtin';
import type { Scenario } from '../scenarios/schema';
import { currentAnomalies, sessionChecker } from './anomalies';
import { createSession, seek, stepBack, stepForward } from './session';

const byOps = (a: Finding, b: Finding) => (a.ops.join() < b.ops.join() ? -1 : 1);

describe('live anomalies of a session', () => {
  it('always equal a fresh check of the history up to the current time, however it got there', () => {
    const scenario = findBuiltin('monotonic-reads') as Scenario;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: scenario.durationMs }), { minLength: 1, maxLength: 6 }),
        fc.nat({ max: 5 }),
        (times, back) => {
          const session = createSession(scenario, 2);
          const checker = sessionChecker(session);
          for (const t of times) {
            seek(session, t);
            currentAnomalies(checker, session);
          }
          for (let i = 0; i < back; i++) stepBack(session);
          stepForward(session);
          const live = [...currentAnomalies(checker, session)].sort(byOps);
          const fresh = checkHistory(historyOps(session.sim.logs.history)).sort(byOps);
          expect(live).toEqual(fresh);
        },
      ),
      { numRuns: 8 },
    );
  }, 60_000);

  it('find the read-your-writes violations as the run reaches them', () => {
    const session = createSession(findBuiltin('read-your-writes') as Scenario, 1);
    const checker = sessionChecker(session);
    const ryw = () =>
      currentAnomalies(checker, session).filter((f) => f.kind === 'read-your-writes').length;
    seek(session, 100);
    expect(ryw()).toBe(0);
    seek(session, 300);
    expect(ryw()).toBe(1);
    seek(session, 600);
    expect(ryw()).toBe(2);
    seek(session, 250);
    expect(ryw()).toBe(1);
  });
});
