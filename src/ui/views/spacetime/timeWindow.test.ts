import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampWindow,
  DEFAULT_SPAN_MS,
  FOLLOW_AT,
  followWindow,
  initialWindow,
  MIN_SPAN_MS,
  plotRange,
  transformForWindow,
  windowForTransform,
  zoomWindow,
} from './timeWindow';

const duration = fc.integer({ min: 100, max: 100_000 });

describe('time window', () => {
  it('starts at 0 with the default span, or the whole of a shorter run', () => {
    expect(initialWindow(5000)).toEqual({ startMs: 0, spanMs: DEFAULT_SPAN_MS });
    expect(initialWindow(300)).toEqual({ startMs: 0, spanMs: 300 });
  });

  it('clamps into the run and to the narrowest span', () => {
    expect(clampWindow({ startMs: -50, spanMs: 5 }, 1000)).toEqual({
      startMs: 0,
      spanMs: MIN_SPAN_MS,
    });
    expect(clampWindow({ startMs: 900, spanMs: 400 }, 1000)).toEqual({ startMs: 600, spanMs: 400 });
  });

  it('scrolling follow holds the playhead at its place once past it', () => {
    const w = followWindow({ startMs: 0, spanMs: 1000 }, 3000, 10_000, false);
    expect(w).toEqual({ startMs: 3000 - FOLLOW_AT * 1000, spanMs: 1000 });
  });

  it('scrolling follow leaves the window still while the playhead moves inside it', () => {
    const w = { startMs: 2000, spanMs: 1000 };
    expect(followWindow(w, 2100, 10_000, false)).toEqual(w);
    // Jumping back before the window brings it back with the playhead at its place.
    expect(followWindow(w, 1500, 10_000, false)).toEqual({
      startMs: 1500 - FOLLOW_AT * 1000,
      spanMs: 1000,
    });
  });

  it('paged follow (reduced motion) stays still until the playhead nears the edge', () => {
    const w = { startMs: 1000, spanMs: 1000 };
    expect(followWindow(w, 1500, 10_000, true)).toEqual(w);
    const moved = followWindow(w, 1990, 10_000, true);
    expect(moved.startMs).toBeGreaterThan(1000);
    expect(moved.startMs).toBeLessThanOrEqual(1990);
  });

  it('following, in either mode, always shows the playhead', () => {
    fc.assert(
      fc.property(
        duration,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: MIN_SPAN_MS, max: 200_000 }),
        fc.integer({ min: -1000, max: 200_000 }),
        fc.boolean(),
        (d, at, span, start, paged) => {
          const playhead = at * d;
          const w = followWindow({ startMs: start, spanMs: span }, playhead, d, paged);
          expect(w.startMs).toBeLessThanOrEqual(playhead + 1e-9);
          expect(w.startMs + w.spanMs).toBeGreaterThanOrEqual(playhead - 1e-9);
          expect(w.startMs).toBeGreaterThanOrEqual(0);
          expect(w.startMs + w.spanMs).toBeLessThanOrEqual(Math.max(d, MIN_SPAN_MS) + 1e-9);
        },
      ),
    );
  });

  it('zooming keeps the anchor time at the same place across the window', () => {
    const w = zoomWindow({ startMs: 1000, spanMs: 1000 }, 2, 1250, 10_000);
    expect(w).toEqual({ startMs: 1125, spanMs: 500 });
  });

  it('a window survives the trip through a d3-zoom transform', () => {
    fc.assert(
      fc.property(
        duration,
        fc.integer({ min: 100, max: 3000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d, width, a, b) => {
          const w = clampWindow({ startMs: a * d, spanMs: MIN_SPAN_MS + b * d }, d);
          const plot = plotRange(width);
          const back = windowForTransform(transformForWindow(w, plot, d), plot, d);
          expect(back.startMs).toBeCloseTo(w.startMs, 6);
          expect(back.spanMs).toBeCloseTo(w.spanMs, 6);
        },
      ),
    );
  });

  it('the whole run is the identity transform', () => {
    expect(transformForWindow({ startMs: 0, spanMs: 4000 }, plotRange(800), 4000)).toEqual({
      k: 1,
      x: 0,
    });
  });
});
