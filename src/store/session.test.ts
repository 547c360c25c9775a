import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeRuntime } from '../engine/simulation';
import { findBuiltin } from '../scenarios/builtin';
import { runScenario } from '../scenarios/run';
import { createSession, inject, seek, stepBack, stepForward } from './session';

const scenario = findBuiltin('failover-loses-async-writes');
if (scenario === undefined) throw new Error('missing built-in scenario');

describe('session time travel', () => {
  it('seeking anywhere, in any order, shows exactly the replayed state', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: scenario.durationMs }), { minLength: 1, maxLength: 6 }),
        (times) => {
          const session = createSession(scenario, 3);
          for (const t of times) seek(session, t);
          const last = times[times.length - 1] as number;
          const fresh = createSession(scenario, 3);
          seek(fresh, last);
          expect(session.sim.core.traceHash).toBe(fresh.sim.core.traceHash);
          expect(session.sim.core.now).toBe(last);
          expect(session.sim.core.traceCount).toBe(fresh.sim.core.traceCount);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('step back undoes exactly one event', () => {
    const session = createSession(scenario, 5);
    seek(session, 1600);
    const before = { hash: session.sim.core.traceHash, events: session.sim.core.eventsProcessed };
    expect(stepForward(session)).toBe(true);
    expect(session.sim.core.eventsProcessed).toBe(before.events + 1);
    stepBack(session);
    expect(session.sim.core.eventsProcessed).toBe(before.events);
    expect(session.sim.core.traceHash).toBe(before.hash);
  });

  it('an injected input gives the same run as replaying it from the start', () => {
    const session = createSession(scenario, 9);
    seek(session, 900);
    const input = inject(session, { type: 'crash', node: 'n2' });
    seek(session, scenario.durationMs);
    const replayed = runScenario(scenario, 9, [input]);
    expect(session.sim.core.traceHash).toBe(replayed.core.traceHash);
    expect(nodeRuntime(session.sim, 'n2')?.up).toBe(false);
  });
});
