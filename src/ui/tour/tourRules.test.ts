import { describe, expect, it } from 'vitest';
import type { HistoryOp, Input } from '../../engine/types';
import type { NarrationStep } from '../../scenarios/schema';
import { focusedOps, stepAnswered } from './tourRules';

const waiting: NarrationStep = {
  at: 1000,
  title: 'Your turn',
  text: 'Crash n2.',
  waitFor: { action: 'crash', on: 'n2', prompt: 'Crash n2.' },
};

describe('stepAnswered', () => {
  const crash = (at: number, node: string): Input => ({ at, type: 'crash', node });

  it('a step that asks nothing is always answered', () => {
    expect(stepAnswered({ at: 0, title: 't', text: 't' }, [], 0)).toBe(true);
  });

  it('needs the asked action, on the asked node, between the step and now', () => {
    expect(stepAnswered(waiting, [], 5000)).toBe(false);
    expect(stepAnswered(waiting, [crash(1200, 'n1')], 5000)).toBe(false);
    expect(stepAnswered(waiting, [crash(900, 'n2')], 5000)).toBe(false);
    expect(stepAnswered(waiting, [crash(1200, 'n2')], 1100)).toBe(false);
    expect(stepAnswered(waiting, [crash(1200, 'n2')], 1200)).toBe(true);
  });

  it('a write or read is a client operation of that kind, by the asked client', () => {
    const step: NarrationStep = {
      ...waiting,
      waitFor: { action: 'write', on: 'alice', prompt: 'Write.' },
    };
    const op = (client: string, f: 'read' | 'write'): Input => ({
      at: 1500,
      type: 'client-op',
      client,
      op: { f, key: 'k', value: 1 },
    });
    expect(stepAnswered(step, [op('alice', 'read')], 2000)).toBe(false);
    expect(stepAnswered(step, [op('bob', 'write')], 2000)).toBe(false);
    expect(stepAnswered(step, [op('alice', 'write')], 2000)).toBe(true);
  });
});

describe('focusedOps', () => {
  const op = (opId: number, key: string): HistoryOp => ({
    index: opId,
    type: 'invoke',
    process: 'alice',
    opId,
    f: 'write',
    key,
    value: 1,
    time: opId,
    traceId: opId,
  });

  it('picks the operations on the focused keys, once each', () => {
    const step: NarrationStep = { ...waiting, focus: { endpoints: [], keys: ['cart'] } };
    const history = [
      op(1, 'cart'),
      op(2, 'bio'),
      op(3, 'cart'),
      { ...op(3, 'cart'), type: 'ok' as const },
    ];
    expect(focusedOps(step, history)).toEqual([1, 3]);
    expect(focusedOps(undefined, history)).toEqual([]);
  });
});
