import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finishedMessages } from '../engine/messageLog';
import { findBuiltin } from '../scenarios/builtin';
import type { Scenario } from '../scenarios/schema';
import { createSession, seek } from './session';
import { finishedMessagesBetween, lifecycleMarks } from './timeline';

function sessionAt(id: string, t: number) {
  const scenario = findBuiltin(id) as Scenario;
  const session = createSession(scenario, scenario.seed);
  seek(session, t);
  return session;
}

describe('finishedMessagesBetween', () => {
  const session = sessionAt('follower-crash-catch-up', 4000);
  const all = finishedMessages(session.sim.logs.messages);

  it('relies on fates being recorded in time order', () => {
    for (let i = 1; i < all.length; i++) {
      expect(all[i]?.deliverAt).toBeGreaterThanOrEqual(all[i - 1]?.deliverAt as number);
    }
  });

  it('returns exactly the messages whose flight overlaps the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 4000 }), (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const expected = all
          .filter((m) => m.sentAt <= to && m.deliverAt >= from)
          .map((m) => m.id)
          .sort((p, q) => p - q);
        const got = finishedMessagesBetween(session, from, to)
          .map((m) => m.id)
          .sort((p, q) => p - q);
        expect(got).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps fate and drop reason, and carries no payload', () => {
    const dropped = finishedMessagesBetween(session, 0, 4000).filter((m) => m.fate !== 'delivered');
    expect(dropped.length).toBeGreaterThan(0);
    for (const m of dropped) expect(m.dropReason).toBeDefined();
    expect('payload' in (dropped[0] as object)).toBe(false);
  });
});

describe('lifecycleMarks', () => {
  it('lists the crash and the restart of the scenario in order, and none before they happen', () => {
    const scenario = findBuiltin('follower-crash-catch-up') as Scenario;
    const inputs = scenario.timeline.filter((s) => s.type === 'crash' || s.type === 'restart');
    expect(inputs.length).toBe(2);
    const marks = lifecycleMarks(sessionAt('follower-crash-catch-up', 4000));
    expect(marks.map((m) => [m.type, m.t])).toEqual(inputs.map((s) => [s.type, s.at]));
    const crashAt = inputs[0]?.at as number;
    expect(lifecycleMarks(sessionAt('follower-crash-catch-up', crashAt - 1))).toEqual([]);
  });
});
