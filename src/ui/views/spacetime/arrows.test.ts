import { scaleLinear } from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineMessage } from '../../../store/timeline';
import { arrowFor, arrowsInWindow, DROP_FRACTION, overlapsWindow } from './arrows';

// 1 ms = 2 px, lanes a at y=10 and b at y=110.
const x = scaleLinear().domain([0, 500]).range([0, 1000]);
const lanes = new Map([
  ['a', 10],
  ['b', 110],
]);
const msg = (over: Partial<TimelineMessage> = {}): TimelineMessage => ({
  id: 7,
  kind: 'replicate',
  from: 'a',
  to: 'b',
  sentAt: 100,
  deliverAt: 200,
  fate: 'delivered',
  ...over,
});

describe('arrowFor', () => {
  it('runs a delivered message from (sender, sent) to (receiver, delivered)', () => {
    const a = arrowFor(msg(), 300, x, lanes);
    expect(a).toMatchObject({ state: 'delivered', category: 'replication' });
    expect([a?.x1, a?.y1, a?.x2, a?.y2]).toEqual([200, 10, 400, 110]);
  });

  it('stops a dropped message partway, at the time its fate was decided', () => {
    const a = arrowFor(msg({ fate: 'dropped', dropReason: 'partition' }), 300, x, lanes);
    expect(a?.state).toBe('dropped');
    expect(a?.x2).toBe(400);
    expect(a?.y2).toBeCloseTo(10 + 100 * DROP_FRACTION);
    expect(arrowFor(msg({ fate: 'lost', dropReason: 'crash' }), 300, x, lanes)?.state).toBe(
      'dropped',
    );
  });

  it('draws a message in flight only up to the playhead, on its way to the receiver', () => {
    const a = arrowFor(msg({ fate: 'in-flight' }), 150, x, lanes);
    expect(a?.state).toBe('in-flight');
    expect(a?.x2).toBeCloseTo(x(150));
    expect(a?.y2).toBeCloseTo(60);
  });

  it('never draws an in-flight message beyond the playhead or past its receiver', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 500 }),
        (sentAt, latency, t0) => {
          const t = Math.max(sentAt, t0);
          const a = arrowFor(
            msg({ fate: 'in-flight', sentAt, deliverAt: sentAt + latency }),
            t,
            x,
            lanes,
          );
          expect(a?.x2).toBeLessThanOrEqual(x(t) + 1e-9);
          expect(a?.y2).toBeGreaterThanOrEqual(10);
          expect(a?.y2).toBeLessThanOrEqual(110);
        },
      ),
    );
  });

  it('has no arrow for an endpoint without a lane', () => {
    expect(arrowFor(msg({ to: 'gone' }), 300, x, lanes)).toBeNull();
  });
});

describe('visible window', () => {
  const w = { startMs: 150, spanMs: 100 };

  it('keeps a message whose flight overlaps the window, at either end', () => {
    expect(overlapsWindow(msg({ sentAt: 100, deliverAt: 160 }), 400, w)).toBe(true);
    expect(overlapsWindow(msg({ sentAt: 240, deliverAt: 400 }), 400, w)).toBe(true);
    expect(overlapsWindow(msg({ sentAt: 100, deliverAt: 149 }), 400, w)).toBe(false);
    expect(overlapsWindow(msg({ sentAt: 251, deliverAt: 300 }), 400, w)).toBe(false);
  });

  it('judges a message in flight by how far it has got, not by where it is going', () => {
    // Sent before the window, due inside it, but at t = 120 it has not reached the window yet.
    expect(overlapsWindow(msg({ fate: 'in-flight', sentAt: 100, deliverAt: 200 }), 120, w)).toBe(
      false,
    );
    expect(overlapsWindow(msg({ fate: 'in-flight', sentAt: 100, deliverAt: 200 }), 160, w)).toBe(
      true,
    );
  });

  it('arrowsInWindow keeps exactly the overlapping messages with lanes', () => {
    const finished = [
      msg({ id: 1, sentAt: 100, deliverAt: 140 }),
      msg({ id: 2, sentAt: 140, deliverAt: 160 }),
      msg({ id: 3, sentAt: 200, deliverAt: 210, to: 'gone' }),
    ];
    const inFlight = [msg({ id: 4, fate: 'in-flight', sentAt: 240, deliverAt: 400 })];
    const ids = arrowsInWindow(finished, inFlight, 245, w, x, lanes).map((a) => a.message.id);
    expect(ids).toEqual([2, 4]);
  });
});
