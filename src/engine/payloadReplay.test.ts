import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAYLOAD_NOT_KEPT } from './messageLog';
import { replayPayload } from './payloadReplay';
import { checkpoint, createSimulation, type SimConfig, step } from './simulation';
import type { Checkpoint } from './state';
import { type EchoNode, echoProtocol } from './testing/echoProtocol';
import type { Input } from './types';

function config(seed: number): SimConfig<{ tickMs: number }> {
  return {
    seed,
    nodes: ['a', 'b', 'c'],
    clients: ['user-1', 'user-2'],
    network: {
      defaultLink: {
        latency: { baseMs: 2, jitterMs: 10, distribution: 'exponential' },
        dropRate: 0.05,
      },
    },
    clientTimeoutMs: 200,
    clientMaxRedirects: 3,
    protocol: { tickMs: 40 },
  };
}

const ops = (n: number): Input[] =>
  Array.from({ length: n }, (_, i) => ({
    at: 3 + i * 5,
    type: 'client-op' as const,
    client: i % 3 === 0 ? 'user-2' : 'user-1',
    op: i % 4 === 3 ? { f: 'read' as const, key: 'k' } : { f: 'write', key: `k${i % 2}`, value: i },
  }));

type EchoCheckpoint = Checkpoint<EchoNode, { home: string }>;

/**
 * Run step by step with a checkpoint every `every` events, noting each message's payload (as
 * JSON) the moment it is on the wire.
 */
function recordRun(seed: number, n: number, every: number) {
  const inputs: Input[] = [...ops(n), { at: 60, type: 'crash', node: 'b' }];
  inputs.push({ at: 140, type: 'restart', node: 'b' });
  const sim = createSimulation(config(seed), echoProtocol, inputs);
  const sent = new Map<number, string>();
  const checkpoints: EchoCheckpoint[] = [checkpoint(sim)];
  const note = () => {
    for (const e of sim.core.queue) {
      if (e.type === 'deliver' && !sent.has(e.id)) sent.set(e.id, JSON.stringify(e.payload));
    }
  };
  note();
  while (sim.core.now < 400 && step(sim)) {
    note();
    if (sim.core.eventsProcessed % every === 0) checkpoints.push(checkpoint(sim));
  }
  return { sim, sent, checkpoints };
}

/** The latest checkpoint taken before message `id` was sent (the first if none is). */
function before(checkpoints: EchoCheckpoint[], id: number): EchoCheckpoint {
  let i = checkpoints.length - 1;
  while (i > 0 && (checkpoints[i] as EchoCheckpoint).core.nextMessageId > id) i--;
  return checkpoints[i] as EchoCheckpoint;
}

describe('payload replay', () => {
  it('recomputes the payload every message was sent with, from a checkpoint before it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 5, max: 25 }),
        fc.integer({ min: 7, max: 60 }),
        (seed, n, every) => {
          const { sim, sent, checkpoints } = recordRun(seed, n, every);
          expect(sent.size).toBeGreaterThan(10);
          for (const [id, json] of sent) {
            const payload = replayPayload(sim, before(checkpoints, id), id);
            expect(JSON.stringify(payload)).toBe(json);
          }
        },
      ),
      { numRuns: 10 },
    );
  });

  it('leaves the simulation as it was', () => {
    const { sim, sent, checkpoints } = recordRun(7, 20, 25);
    const { traceHash, eventsProcessed, now } = sim.core;
    const messages = sim.logs.messages.count;
    replayPayload(sim, checkpoints[0] as EchoCheckpoint, sent.size);
    expect(sim.core).toMatchObject({ traceHash, eventsProcessed, now });
    expect(sim.logs.messages.count).toBe(messages);
  });

  it('says so when the checkpoint comes after the message has arrived', () => {
    const { sim, checkpoints } = recordRun(7, 20, 25);
    const last = checkpoints[checkpoints.length - 1] as EchoCheckpoint;
    expect(replayPayload(sim, last, 1)).toBe(PAYLOAD_NOT_KEPT);
  });
});
