import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import type { TimelineMessage } from '../../../store/timeline';
import { distanceToSegment, HIT_RADIUS_PX, hitTest } from './hitTest';
import { buildScene } from './scene';

describe('distanceToSegment', () => {
  it('measures to the nearest point, ends included', () => {
    expect(distanceToSegment(5, 3, 0, 0, 10, 0)).toBe(3);
    expect(distanceToSegment(-3, 4, 0, 0, 10, 0)).toBe(5);
    expect(distanceToSegment(1, 1, 2, 2, 2, 2)).toBeCloseTo(Math.SQRT2);
  });
});

describe('hitTest', () => {
  const msg = (id: number, sentAt: number, deliverAt: number): TimelineMessage => ({
    id,
    kind: 'ack',
    from: 'n2',
    to: 'n1',
    sentAt,
    deliverAt,
    fate: 'delivered',
  });
  const scene = buildScene({
    t: 500,
    window: { startMs: 0, spanMs: 1000 },
    widthPx: 1044,
    laneY: new Map([
      ['n1', 20],
      ['n2', 60],
      ['c', 100],
    ]),
    finished: [msg(1, 100, 120), msg(2, 300, 320)],
    inFlight: [],
    spans: [
      {
        opId: 9,
        client: 'c',
        f: 'read',
        key: 'k',
        value: null,
        startMs: 600,
        endMs: 700,
        outcome: 'ok',
      },
    ],
    marks: [{ node: 'n1', t: 800, type: 'crash' }],
  });
  const x = scaleLinear().domain([0, 1000]).range([22, 1022]);

  it('picks the arrow under the pointer', () => {
    const hit = hitTest(scene, x(310), 40);
    expect(hit?.kind === 'message' && hit.arrow.message.id).toBe(2);
  });

  it('misses when the pointer is further than the hit radius', () => {
    expect(hitTest(scene, x(310) + HIT_RADIUS_PX + 3, 40)).toBeNull();
  });

  it('finds an operation span on its lane, and a crash mark on its node', () => {
    const op = hitTest(scene, x(650), 100);
    expect(op?.kind === 'op' && op.span.opId).toBe(9);
    const mark = hitTest(scene, x(800), 20);
    expect(mark?.kind === 'mark' && mark.mark.type).toBe('crash');
  });
});
