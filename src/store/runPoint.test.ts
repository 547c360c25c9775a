import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UntimedInput } from '../engine/types';
import { findAnyBuiltin, findBuiltin } from '../scenarios/builtin';
import { isLeaderless } from '../scenarios/leaderlessSchema';
import { sessionAt } from './runPoint';
import { createSession, inject, type Session, seek, stepBack, stepForward } from './session';

const found = findBuiltin('failover-loses-async-writes');
if (found === undefined) throw new Error('missing built-in scenario');
const scenario = found;
const nodes = scenario.cluster.nodes;
const clients = [...scenario.clients, ...(scenario.workload?.clients ?? [])];

/** What a user does: seek, step either way, or record a fault or an operation. */
type Action =
  | { kind: 'seek'; t: number }
  | { kind: 'step' }
  | { kind: 'back' }
  | { kind: 'input'; input: UntimedInput };

const untimedInput = fc.oneof(
  fc.constantFrom(...nodes).map((node): UntimedInput => ({ type: 'crash', node })),
  fc.constantFrom(...nodes).map((node): UntimedInput => ({ type: 'restart', node })),
  fc.constant<UntimedInput>({ type: 'heal' }),
  fc
    .tuple(
      fc.constantFrom(...clients),
      // A blank key is refused at the door (see `inject`): only keys a user could record.
      fc.string({ minLength: 1, maxLength: 4 }).filter((key) => key.trim() !== ''),
    )
    .map(([client, key]): UntimedInput => ({ type: 'client-op', client, op: { f: 'read', key } })),
);

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.integer({ min: 0, max: scenario.durationMs }).map((t) => ({ kind: 'seek' as const, t })),
  fc.constant({ kind: 'step' as const }),
  fc.constant({ kind: 'back' as const }),
  untimedInput.map((input) => ({ kind: 'input' as const, input })),
);

function perform(session: Session, a: Action): void {
  if (a.kind === 'seek') seek(session, a.t);
  else if (a.kind === 'step') stepForward(session);
  else if (a.kind === 'back') stepBack(session);
  else inject(session, a.input);
}

describe('sessionAt', () => {
  it("rebuilds exactly the user's session from its inputs, time and event count", () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 8 }), fc.nat(20), (actions, seed) => {
        const live = createSession(scenario, seed);
        for (const a of actions) perform(live, a);
        const { now, eventsProcessed, traceHash } = live.sim.core;
        const rebuilt = sessionAt(scenario, seed, live.userInputs, {
          timeMs: now,
          events: eventsProcessed,
        });
        expect(rebuilt.sim.core.now).toBe(now);
        expect(rebuilt.sim.core.eventsProcessed).toBe(eventsProcessed);
        expect(rebuilt.sim.core.traceHash).toBe(traceHash);
      }),
      { numRuns: 30 },
    );
  });

  it('rebuilds a leaderless run the same way', () => {
    const leaderless = findAnyBuiltin('quorum-read-repair');
    if (leaderless === undefined || !isLeaderless(leaderless)) throw new Error('missing scenario');
    const crash = fc
      .constantFrom(...leaderless.cluster.nodes)
      .map((node): UntimedInput => ({ type: 'crash', node }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: leaderless.durationMs }), crash), {
          maxLength: 3,
        }),
        fc.integer({ min: 0, max: leaderless.durationMs }),
        (faults, end) => {
          const live = createSession(leaderless, 2);
          for (const [t, input] of faults) {
            seek(live, t);
            inject(live, input);
          }
          seek(live, end);
          const { now, eventsProcessed, traceHash } = live.sim.core;
          const rebuilt = sessionAt(leaderless, 2, live.userInputs, { timeMs: now, events: null });
          expect([rebuilt.sim.core.eventsProcessed, rebuilt.sim.core.traceHash]).toEqual([
            eventsProcessed,
            traceHash,
          ]);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('stands between two events of one millisecond when the author stepped there', () => {
    const live = createSession(scenario, 1);
    seek(live, 999);
    // Step until two events share a millisecond, and stop after the first of them.
    let guard = 0;
    while (guard++ < 5000) {
      stepForward(live);
      const before = live.sim.core.eventsProcessed;
      stepForward(live);
      if (live.sim.core.now === 0) continue;
      const sameMs = live.sim.core.now;
      stepBack(live);
      if (live.sim.core.now === sameMs && live.sim.core.eventsProcessed === before) break;
      stepForward(live);
    }
    const point = { timeMs: live.sim.core.now, events: live.sim.core.eventsProcessed };
    const bySeek = sessionAt(scenario, 1, [], { timeMs: point.timeMs, events: null });
    expect(bySeek.sim.core.eventsProcessed).toBeGreaterThan(point.events);
    const byPoint = sessionAt(scenario, 1, [], point);
    expect(byPoint.sim.core.eventsProcessed).toBe(point.events);
  });

  it('refuses an input naming an unknown node, naming the input and its field', () => {
    expect(() =>
      sessionAt(scenario, 1, [{ at: 5, type: 'crash', node: 'n9' }], { timeMs: 10, events: null }),
    ).toThrow('inputs[0].node: no node "n9" in this cluster');
  });
});
