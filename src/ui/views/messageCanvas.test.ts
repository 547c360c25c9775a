import { describe, expect, it } from 'vitest';
import {
  DESCRIBE_EACH_UP_TO,
  describeMessages,
  markAt,
  overEndpoint,
  RADIUS,
} from './messageCanvas';
import type { MessageMark } from './messageMarks';

const mark = (id: number, x: number, y: number, over: Partial<MessageMark> = {}): MessageMark => ({
  key: String(id),
  id,
  kind: 'replicate',
  from: 'n1',
  to: 'n2',
  x,
  y,
  category: 'replication',
  dropped: false,
  opacity: 1,
  small: false,
  ...over,
});

describe('overEndpoint', () => {
  const endpoints = new Map([
    ['n1', { x: 100, y: 100, radius: 20 }],
    ['user-1', { x: 300, y: 100, radius: 12 }],
  ]);
  it('is true within a node or client radius and false between them', () => {
    expect(overEndpoint(endpoints, 100, 100)).toBe(true);
    expect(overEndpoint(endpoints, 114, 114)).toBe(true);
    expect(overEndpoint(endpoints, 116, 116)).toBe(false);
    expect(overEndpoint(endpoints, 305, 95)).toBe(true);
    expect(overEndpoint(endpoints, 200, 100)).toBe(false);
  });
});

describe('markAt', () => {
  it('finds the nearest mark within its radius plus the slop, and nothing beyond', () => {
    const marks = [mark(1, 0, 0), mark(2, 20, 0)];
    expect(markAt(marks, 3, 0, 2)?.id).toBe(1);
    expect(markAt(marks, 16, 0, 2)?.id).toBe(2);
    expect(markAt(marks, 10, 30, 2)).toBeNull();
    expect(markAt(marks, RADIUS + 2, 0, 2)?.id).toBe(1);
    expect(markAt(marks, RADIUS + 2.5, 0, 2)).toBeNull();
  });

  it('prefers the mark drawn last when two overlap exactly', () => {
    expect(markAt([mark(1, 5, 5), mark(2, 5, 5)], 5, 5, 0)?.id).toBe(2);
  });
});

describe('describeMessages', () => {
  it('says when nothing is in flight, ignoring dropped marks', () => {
    expect(describeMessages([])).toBe('No messages in flight.');
    expect(describeMessages([mark(1, 0, 0, { dropped: true })])).toBe('No messages in flight.');
  });

  it('names each message of a few', () => {
    const marks = [mark(1, 0, 0), mark(2, 0, 0, { kind: 'ack', from: 'n2', to: 'n1' })];
    expect(describeMessages(marks)).toBe('2 messages in flight: replicate n1 → n2; ack n2 → n1.');
  });

  it('counts many by kind, most frequent first', () => {
    const marks = Array.from({ length: DESCRIBE_EACH_UP_TO + 1 }, (_, i) =>
      mark(i, 0, 0, i < 3 ? { kind: 'ack' } : {}),
    );
    expect(describeMessages(marks)).toBe(
      `${DESCRIBE_EACH_UP_TO + 1} messages in flight: ${DESCRIBE_EACH_UP_TO - 2} replicate, 3 ack.`,
    );
  });
});
