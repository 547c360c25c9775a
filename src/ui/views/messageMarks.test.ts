import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../store/view';
import { DROP_VISIBLE_MS } from '../../store/view';
import type { Endpoint } from './clusterLayout';
import { LANE_OFFSET, messageMarks, messagePath, progress } from './messageMarks';

const endpoints = new Map<string, Endpoint>([
  ['a', { x: 0, y: 0, radius: 10 }],
  ['b', { x: 100, y: 0, radius: 10 }],
]);

const message = (over: Partial<MessageView>): MessageView => ({
  id: 1,
  kind: 'replicate',
  from: 'a',
  to: 'b',
  sentAt: 100,
  deliverAt: 200,
  fate: 'in-flight',
  payload: null,
  ...over,
});

describe('progress', () => {
  it('is the fraction of the trip done, clamped', () => {
    expect(progress(100, 100, 200)).toBe(0);
    expect(progress(150, 100, 200)).toBe(0.5);
    expect(progress(250, 100, 200)).toBe(1);
    expect(progress(50, 100, 200)).toBe(0);
    expect(progress(100, 100, 100)).toBe(1);
  });
});

describe('messagePath', () => {
  it('runs edge to edge, each direction in its own lane', () => {
    const there = messagePath(endpoints.get('a') as Endpoint, endpoints.get('b') as Endpoint);
    const back = messagePath(endpoints.get('b') as Endpoint, endpoints.get('a') as Endpoint);
    expect(there.start.x).toBe(10);
    expect(there.end.x).toBe(90);
    expect(there.start.y).toBe(LANE_OFFSET);
    expect(back.start.y).toBe(-LANE_OFFSET);
  });
});

describe('messageMarks', () => {
  it('places a message in flight by time alone', () => {
    const [mark] = messageMarks([message({})], [], 150, endpoints, false);
    expect(mark).toMatchObject({ key: '1', x: 50, category: 'replication', dropped: false });
    expect(mark).toMatchObject({ kind: 'replicate', from: 'a', to: 'b' });
  });

  it('lets a dropped message fall and fade at the receiver, unless motion is reduced', () => {
    const dropped = message({ fate: 'dropped', dropReason: 'partition' });
    const t = 200 + DROP_VISIBLE_MS / 2;
    const [moving] = messageMarks([], [dropped], t, endpoints, false);
    const [still] = messageMarks([], [dropped], t, endpoints, true);
    expect(moving?.x).toBe(90);
    expect(moving?.y).toBeGreaterThan(LANE_OFFSET);
    expect(moving?.opacity).toBeLessThan(1);
    expect(still).toMatchObject({ x: 90, y: LANE_OFFSET, opacity: 1, dropped: true });
  });

  it('skips messages whose endpoints are not drawn', () => {
    expect(messageMarks([message({ to: 'nowhere' })], [], 150, endpoints, false)).toEqual([]);
  });
});
