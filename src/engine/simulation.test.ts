import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyOps } from './historyLog';
import { finishedMessages } from './messageLog';
import type { Protocol } from './protocol';
import {
  checkpoint,
  createSimulation,
  linkStatus,
  nodeRuntime,
  restore,
  runUntil,
  type SimConfig,
  traceEvents,
} from './simulation';
import { echoProtocol } from './testing/echoProtocol';
import { EMPTY_TRACE_HASH, foldTraceEvent } from './traceHash';
import type { Input } from './types';

function config(seed: number, dropRate = 0): SimConfig<{ tickMs: number }> {
  return {
    seed,
    nodes: ['a', 'b', 'c'],
    clients: ['user-1'],
    network: {
      defaultLink: { latency: { baseMs: 5, jitterMs: 20, distribution: 'exponential' }, dropRate },
    },
    clientTimeoutMs: 500,
    clientMaxRedirects: 3,
    protocol: { tickMs: 50 },
  };
}

const writes = (n: number): Input[] =>
  Array.from({ length: n }, (_, i) => ({
    at: 10 + i * 7,
    type: 'client-op' as const,
    client: 'user-1',
    op: { f: 'write' as const, key: `k${i % 3}`, value: i },
  }));

describe('simulation', () => {
  it('gives the same trace for the same seed and inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 30 }),
        (seed, n) => {
          const a = createSimulation(config(seed, 0.1), echoProtocol, writes(n));
          const b = createSimulation(config(seed, 0.1), echoProtocol, writes(n));
          runUntil(a, 1000);
          runUntil(b, 1000);
          expect(a.core.traceHash).toBe(b.core.traceHash);
          expect(a.core.traceCount).toBe(b.core.traceCount);
        },
      ),
    );
  });

  it('gives different traces for different seeds', () => {
    const a = createSimulation(config(1), echoProtocol, writes(20));
    const b = createSimulation(config(2), echoProtocol, writes(20));
    runUntil(a, 1000);
    runUntil(b, 1000);
    expect(a.core.traceHash).not.toBe(b.core.traceHash);
  });

  it('records every client operation as invoke then completion', () => {
    const sim = createSimulation(config(7), echoProtocol, writes(5));
    runUntil(sim, 1000);
    const types = historyOps(sim.logs.history).map((h) => `${h.type}:${h.opId}`);
    expect(types).toEqual([1, 2, 3, 4, 5].flatMap((id) => [`invoke:${id}`, `ok:${id}`]));
  });

  it('drops messages across a partition and delivers them after healing', () => {
    const inputs: Input[] = [
      {
        at: 0,
        type: 'partition',
        groups: [
          ['a', 'user-1'],
          ['b', 'c'],
        ],
      },
      { at: 10, type: 'client-op', client: 'user-1', op: { f: 'write', key: 'x', value: 1 } },
      { at: 300, type: 'heal' },
      { at: 310, type: 'client-op', client: 'user-1', op: { f: 'write', key: 'y', value: 2 } },
    ];
    const sim = createSimulation(config(3), echoProtocol, inputs);
    runUntil(sim, 1000);
    const replicate = finishedMessages(sim.logs.messages).filter((m) => m.kind === 'replicate');
    expect(replicate.filter((m) => m.fate === 'dropped').map((m) => m.dropReason)).toEqual([
      'partition',
      'partition',
    ]);
    expect(nodeRuntime(sim, 'b')?.state.data).toEqual({ y: 2 });
  });

  it('heals only the links between two groups when asked, leaving other cuts in place', () => {
    const inputs: Input[] = [
      { at: 0, type: 'partition', groups: [['a'], ['b', 'c']] },
      { at: 0, type: 'partition-oneway', from: ['user-1'], to: ['c'] },
      { at: 50, type: 'heal', between: [['b'], ['a']] },
    ];
    const sim = createSimulation(config(3), echoProtocol, inputs);
    runUntil(sim, 100);
    const cut = (from: string, to: string) => linkStatus(sim, from, to).cut;
    expect([cut('a', 'b'), cut('b', 'a')]).toEqual([false, false]);
    expect([cut('a', 'c'), cut('c', 'a'), cut('user-1', 'c')]).toEqual([true, true, true]);
  });

  it('loses messages to a crashed node, and its timers, but keeps durable state', () => {
    const inputs: Input[] = [
      { at: 10, type: 'client-op', client: 'user-1', op: { f: 'write', key: 'x', value: 1 } },
      { at: 12, type: 'crash', node: 'b' },
      { at: 200, type: 'restart', node: 'b' },
    ];
    const sim = createSimulation(config(4), echoProtocol, inputs);
    runUntil(sim, 199);
    expect(nodeRuntime(sim, 'b')?.state.ticks).toBe(0);
    const lost = finishedMessages(sim.logs.messages).filter(
      (m) => m.to === 'b' && m.fate === 'lost',
    );
    expect(lost.length).toBe(1);
    runUntil(sim, 400);
    expect(nodeRuntime(sim, 'b')?.up).toBe(true);
    expect(nodeRuntime(sim, 'b')?.state.ticks).toBeGreaterThan(0);
  });

  it('loses exactly the messages whose sender or receiver crashed or restarted while they flew', () => {
    // Every node pings the others on each tick and greets them as soon as it restarts, so
    // messages leave just before a crash and just after a restart, in the same millisecond.
    // Node c stays silent once restarted, and b pings c first: then a ping from b can be the
    // very first message made after c came back.
    const pinger: Protocol<{ tickMs: number }, null, null> = {
      ...(echoProtocol as unknown as Protocol<{ tickMs: number }, null, null>),
      initNode: () => null,
      initClient: () => null,
      onMessage() {},
      onTimer(ctx) {
        const order = ctx.self === 'b' ? [...ctx.nodeIds].reverse() : ctx.nodeIds;
        for (const id of order) if (id !== ctx.self) ctx.send(id, 'ping', null);
        ctx.setTimer('tick', ctx.config.tickMs);
      },
      onCrash: () => null,
      onRestart(ctx) {
        if (ctx.self === 'c') return;
        for (const id of ctx.nodeIds) if (id !== ctx.self) ctx.send(id, 'hello', null);
        ctx.setTimer('tick', ctx.config.tickMs);
      },
    };
    const node = fc.constantFrom('a', 'b', 'c');
    const fault = fc.record({
      at: fc.integer({ min: 1, max: 150 }),
      type: fc.constantFrom('crash' as const, 'restart' as const),
      node,
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(fault, { maxLength: 16 }),
        (seed, faults) => {
          const sim = createSimulation(
            { ...config(seed), protocol: { tickMs: 7 } },
            pinger,
            faults,
          );
          runUntil(sim, 250);
          const lives = traceEvents(sim).filter((e) => e.type === 'crash' || e.type === 'restart');
          const changedBetween = (id: string, from: number, to: number) =>
            lives.some((e) => e.node === id && e.id > from && e.id < to);
          const downAt = (id: string, at: number) =>
            lives.filter((e) => e.node === id && e.id < at).at(-1)?.type === 'crash';
          const messages = finishedMessages(sim.logs.messages);
          for (const m of messages) {
            const lost =
              downAt(m.to, m.fateTraceId) ||
              changedBetween(m.to, m.sendTraceId, m.fateTraceId) ||
              changedBetween(m.from, m.sendTraceId, m.fateTraceId);
            expect(m.fate === 'lost', `message ${m.id} ${m.from} → ${m.to}`).toBe(lost);
          }
          // A timer fires only in the life that set it: never while its node is down, and a
          // node's ticks fall every 7 ms from the start of its current life (a tick left over
          // from an earlier life would fall between them).
          for (const e of traceEvents(sim)) {
            if (e.type !== 'timer') continue;
            const id = e.node as string;
            expect(downAt(id, e.id)).toBe(false);
            const bornAt = lives.filter((l) => l.node === id && l.id < e.id).at(-1)?.t ?? 0;
            expect((e.t - bornAt) % 7, `tick of ${id} at ${e.t}`).toBe(0);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('orders messages on a link first in, first out', () => {
    const sim = createSimulation(config(9), echoProtocol, writes(30));
    runUntil(sim, 2000);
    const ab = finishedMessages(sim.logs.messages).filter((m) => m.from === 'a' && m.to === 'b');
    const ids = ab.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
  });

  it('restores a checkpoint exactly: replaying from it gives the same trace', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 900 }),
        (seed, cut) => {
          const sim = createSimulation(config(seed, 0.2), echoProtocol, writes(25));
          runUntil(sim, cut);
          const cp = checkpoint(sim);
          runUntil(sim, 1000);
          const hash = sim.core.traceHash;
          const length = sim.core.traceCount;
          restore(sim, cp);
          expect(sim.core.now).toBe(cut);
          runUntil(sim, 1000);
          expect(sim.core.traceHash).toBe(hash);
          expect(sim.core.traceCount).toBe(length);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('puts the whole trace back together: every id once, in order, hashing to the running hash', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 999 }),
        (seed, t) => {
          const sim = createSimulation(config(seed, 0.2), echoProtocol, [
            ...writes(20),
            { at: 40, type: 'crash', node: 'b' },
            { at: 300, type: 'restart', node: 'b' },
          ]);
          runUntil(sim, t);
          const events = traceEvents(sim);
          expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i));
          expect(events.length).toBe(sim.core.traceCount);
          expect(events.reduce(foldTraceEvent, EMPTY_TRACE_HASH)).toBe(sim.core.traceHash);
          const times = events.map((e) => e.t);
          expect(times).toEqual([...times].sort((x, y) => x - y));
        },
      ),
      { numRuns: 50 },
    );
  });
});
