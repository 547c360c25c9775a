import { describe, expect, it } from 'vitest';
import { messageTooltip, opTooltip } from './describe';
import type { OpSpan } from './opSpans';

const message = {
  id: 3,
  kind: 'replicate',
  from: 'n1',
  to: 'n2',
  sentAt: 100,
  deliverAt: 112.4,
} as const;

describe('tooltips', () => {
  it('name a message by kind, ends, times and fate', () => {
    expect(messageTooltip({ ...message, fate: 'delivered' })).toBe(
      'replicate n1 → n2, sent 100 ms, delivered 112 ms',
    );
    expect(messageTooltip({ ...message, fate: 'dropped', dropReason: 'partition' })).toBe(
      'replicate n1 → n2, sent 100 ms, dropped at 112 ms (partition)',
    );
    expect(messageTooltip({ ...message, fate: 'in-flight' })).toBe(
      'replicate n1 → n2, sent 100 ms, in flight (due 112 ms)',
    );
  });

  it('name an operation by client, what it wrote or read, and how it ended', () => {
    const read: OpSpan = {
      opId: 1,
      client: 'user-1',
      f: 'read',
      key: 'bio',
      value: 'hi',
      startMs: 10,
      endMs: 30,
      outcome: 'ok',
      node: 'n2',
    };
    expect(opTooltip(read)).toBe('user-1: read bio, got "hi", invoked 10 ms, ok at 30 ms from n2');
    const write: OpSpan = { ...read, f: 'write', endMs: null, outcome: 'pending' };
    expect(opTooltip(write)).toBe('user-1: write bio = "hi", invoked 10 ms, waiting');
  });
});
