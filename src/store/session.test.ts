import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyOps } from '../engine/historyLog';
import { finishedMessages } from '../engine/messageLog';
import { nodeRuntime, step } from '../engine/simulation';
import { storedTrace } from '../engine/traceLog';
import type { UntimedInput } from '../engine/types';
import { findBuiltin } from '../scenarios/builtin';
import { runScenario, startScenario } from '../scenarios/run';
import {
  createSession,
  inject,
  injectAll,
  type Session,
  seek,
  stepBack,
  stepForward,
} from './session';
import { buildView } from './view';

const found = findBuiltin('failover-loses-async-writes');
if (found === undefined) throw new Error('missing built-in scenario');
const scenario = found;

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
          expect(logsOf(session.sim)).toEqual(logsOf(fresh.sim));
          expect(session.sim.core.now).toBe(last);
          expect(session.sim.core.traceCount).toBe(fresh.sim.core.traceCount);
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);

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

  it('after going back and injecting, jumping around gives the run with the input', () => {
    const session = createSession(scenario, 9);
    seek(session, scenario.durationMs);
    seek(session, 900);
    const input = inject(session, { type: 'crash', node: 'n2' });
    seek(session, 3000);
    seek(session, 1000);
    seek(session, scenario.durationMs);
    const replayed = runScenario(scenario, 9, [input]);
    expect(session.sim.core.traceHash).toBe(replayed.core.traceHash);
    expect(logsOf(session.sim)).toEqual(logsOf(replayed));
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

const nodes = ['n1', 'n2', 'n3', 'monitor'];
const untimed = fc.oneof(
  fc.constantFrom(...nodes).map((node): UntimedInput => ({ type: 'crash', node })),
  fc.constantFrom(...nodes).map((node): UntimedInput => ({ type: 'restart', node })),
  fc.constant<UntimedInput>({ type: 'heal' }),
  fc.subarray(nodes, { minLength: 1, maxLength: 3 }).map(
    (a): UntimedInput => ({
      type: 'partition',
      groups: [a, nodes.filter((n) => !a.includes(n))],
    }),
  ),
  fc
    .record({ from: fc.constantFrom(...nodes), baseMs: fc.integer({ min: 0, max: 400 }) })
    .filter(({ from }) => from !== 'n1')
    .map(
      ({ from, baseMs }): UntimedInput => ({
        type: 'set-link',
        from,
        to: 'n1',
        latency: { baseMs },
      }),
    ),
  fc.constantFrom('a', 'b', 'comments.55555').map(
    (key): UntimedInput => ({
      type: 'client-op',
      client: 'user-1234',
      op: { f: 'read', key, readFrom: 'any' },
    }),
  ),
);
const batch = fc.array(fc.record({ input: untimed, delayMs: fc.integer({ min: 0, max: 800 }) }), {
  minLength: 1,
  maxLength: 4,
});

describe('recording inputs, now and scheduled', () => {
  it('any mix of injected and scheduled inputs gives the run a replay of them gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 3000 }), batch }), {
          minLength: 1,
          maxLength: 3,
        }),
        (clicks) => {
          const session = createSession(scenario, 11);
          for (const click of clicks) {
            seek(session, click.at);
            injectAll(session, click.batch);
          }
          seek(session, scenario.durationMs);
          const replayed = runScenario(scenario, 11, session.userInputs);
          expect(session.sim.core.traceHash).toBe(replayed.core.traceHash);
        },
      ),
      { numRuns: 20 },
    );
    // Twenty whole replays: generous, because the machine is shared.
  }, 30_000);

  it('stepping back across a scheduled input and forward again brings it back exactly', () => {
    const session = createSession(scenario, 2);
    seek(session, 400);
    injectAll(session, [
      { input: { type: 'set-link', from: 'n1', to: 'n2', latency: { baseMs: 300 } } },
      { input: { type: 'set-link', from: 'n1', to: 'n2', latency: { baseMs: 7 } }, delayMs: 200 },
    ]);
    const slow = () => buildView(session).links.find((l) => l.from === 'n1' && l.to === 'n2');
    expect(slow()?.baseMs).toBe(300);
    seek(session, 600);
    expect(slow()?.baseMs).toBe(7);
    const after = session.sim.core.traceHash;
    // Step back until the scheduled input is undone, then forward to the same event count.
    let back = 0;
    while (slow()?.baseMs === 7) {
      stepBack(session);
      back++;
    }
    expect(session.sim.core.now).toBeLessThanOrEqual(600);
    expect(slow()?.baseMs).toBe(300);
    for (let i = 0; i < back; i++) stepForward(session);
    expect(slow()?.baseMs).toBe(7);
    seek(session, 600);
    expect(session.sim.core.traceHash).toBe(after);
  });

  it('refuses an input naming an unknown node, and records nothing of its batch', () => {
    const session = createSession(scenario, 4);
    seek(session, 700);
    const before = session.sim.core.traceHash;
    expect(() =>
      injectAll(session, [
        { input: { type: 'crash', node: 'n2' } },
        { input: { type: 'restart', node: 'n9' }, delayMs: 100 },
      ]),
    ).toThrow(/node: no node "n9"/);
    expect(session.userInputs).toEqual([]);
    expect(session.sim.inputs.some((i) => i.type === 'crash' && i.node === 'n2')).toBe(false);
    expect(session.sim.core.traceHash).toBe(before);
    expect(nodeRuntime(session.sim, 'n2')?.up).toBe(true);
  });

  it('keeps nothing of a batch whose input fails while it is applied', () => {
    const session = createSession(scenario, 4);
    seek(session, 700);
    const before = session.sim.core.traceHash;
    const inputsBefore = session.sim.inputs.length;
    // A protocol that breaks on one command stands in for any failure past the checks.
    const sim = session.sim as { protocol: typeof session.sim.protocol };
    sim.protocol = {
      ...sim.protocol,
      onCommand() {
        throw new Error('command failed');
      },
    };
    expect(() =>
      injectAll(session, [
        { input: { type: 'crash', node: 'n2' } },
        { input: { type: 'command', node: 'n1', command: 'set-mode' } },
      ]),
    ).toThrow('command failed');
    expect(session.userInputs).toEqual([]);
    expect(session.sim.inputs).toHaveLength(inputsBefore);
    expect(session.sim.core.now).toBe(700);
    expect(session.sim.core.traceHash).toBe(before);
    expect(nodeRuntime(session.sim, 'n2')?.up).toBe(true);
  });

  it('refuses a negative delay, and impossible numbers, naming the field', () => {
    const session = createSession(scenario, 4);
    expect(() => injectAll(session, [{ input: { type: 'heal' }, delayMs: -5 }])).toThrow(/delayMs/);
    expect(() => inject(session, { type: 'clock-skew', node: 'n1', skewMs: -1e9 })).toThrow(
      /skewMs must be between/,
    );
    expect(() =>
      inject(session, { type: 'client-op', client: 'user-1234', op: { f: 'read', key: ' ' } }),
    ).toThrow(/key/);
    expect(session.userInputs).toEqual([]);
  });
});

/** The hash, clock and logs after processing exactly `events` events from the start. */
function replayEvents(seed: number, events: number) {
  const sim = startScenario(scenario, seed);
  while (sim.core.eventsProcessed < events) step(sim);
  return { hash: sim.core.traceHash, now: sim.core.now, logs: logsOf(sim) };
}

/** The append-only logs, as plain values to compare. */
function logsOf(sim: Session['sim']) {
  return {
    trace: storedTrace(sim.logs.trace),
    history: [...historyOps(sim.logs.history)],
    messages: finishedMessages(sim.logs.messages),
  };
}

const checkpointPositions = (session: Session) =>
  session.checkpoints.map((cp) => cp.core.eventsProcessed);

describe('checkpoints in a long run', () => {
  // A small policy, so that a built-in scenario is a "long run": hundreds of checkpoint slots.
  const policy = { every: 10, max: 8 };

  it('keeps at most max checkpoints, dense at the frontier', () => {
    const session = createSession(scenario, 3, [], policy);
    seek(session, scenario.durationMs);
    const events = session.sim.core.eventsProcessed;
    expect(events).toBeGreaterThan(50 * policy.every);
    const positions = checkpointPositions(session);
    expect(positions.length).toBeLessThanOrEqual(policy.max);
    expect(positions[0]).toBe(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Stepping back from the end replays fewer than `every` events.
    expect(events - (positions[positions.length - 1] as number)).toBeLessThan(policy.every);
  });

  it('seeking and stepping in any order give exactly the replayed state, within the cap', () => {
    const op = fc.oneof(
      fc.record({ type: fc.constant('seek' as const), t: fc.integer({ min: 0, max: 5000 }) }),
      fc.record({ type: fc.constant('back' as const), n: fc.integer({ min: 1, max: 30 }) }),
      fc.record({ type: fc.constant('forward' as const), n: fc.integer({ min: 1, max: 30 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), (ops) => {
        const session = createSession(scenario, 4, [], policy);
        for (const o of ops) {
          if (o.type === 'seek') seek(session, o.t);
          else for (let i = 0; i < o.n; i++) (o.type === 'back' ? stepBack : stepForward)(session);
          expect(session.checkpoints.length).toBeLessThanOrEqual(policy.max);
        }
        const { core } = session.sim;
        const replayed = replayEvents(4, core.eventsProcessed);
        expect(core.traceHash).toBe(replayed.hash);
        // The logs too: a jump forward refills them from the stash instead of replaying.
        expect(logsOf(session.sim)).toEqual(replayed.logs);
        const last = ops[ops.length - 1];
        if (last?.type === 'seek') expect(core.now).toBe(Math.min(last.t, scenario.durationMs));
        else expect(core.now).toBe(replayed.now);
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  it('a run of step-backs far from any checkpoint makes the place dense again', () => {
    const session = createSession(scenario, 3, [], policy);
    seek(session, scenario.durationMs);
    seek(session, 1800);
    const here = session.sim.core.eventsProcessed;
    for (let i = 0; i < 12; i++) stepBack(session);
    const below = checkpointPositions(session).filter((p) => p <= here - 12);
    expect(here - 12 - Math.max(...below)).toBeLessThan(2 * policy.every);
  });

  it('a step back lands on the time of the event it returns to, even past a seek checkpoint', () => {
    const session = createSession(scenario, 3, [], policy);
    seek(session, scenario.durationMs);
    seek(session, 1801);
    const landed = session.sim.core.eventsProcessed;
    // The seek left a checkpoint at its landing point, holding the seek's clock.
    expect(checkpointPositions(session)).toContain(landed);
    stepForward(session);
    stepBack(session);
    expect(session.sim.core.eventsProcessed).toBe(landed);
    expect(session.sim.core.now).toBe(replayEvents(3, landed).now);
    expect(session.sim.core.now).toBeLessThan(1801);
  });
});
