/**
 * d3-zoom on the time axis only, wrapped as a small factory with `update` / `destroy` (the
 * xyflow pattern). Gestures come back as windows in milliseconds; `show` moves d3's transform
 * to a window without reporting it back as a gesture.
 */
import { type D3ZoomEvent, select, zoom, zoomIdentity, zoomTransform } from 'd3';
import {
  clampWindow,
  MIN_SPAN_MS,
  plotRange,
  type TimeWindow,
  transformForWindow,
  windowForTransform,
} from './timeWindow';

export type Gesture = 'pan' | 'zoom';

export interface TimeZoom {
  /** Set the run's length and the plot's size. */
  update(durationMs: number, width: number, height: number): void;
  /** Put d3's transform at this window (no gesture is reported). */
  show(w: TimeWindow): void;
  destroy(): void;
}

export function createTimeZoom(
  element: SVGSVGElement,
  onGesture: (w: TimeWindow, gesture: Gesture) => void,
): TimeZoom {
  let durationMs = 1;
  let width = 1;
  let quiet = false;
  const plot = () => plotRange(width);
  const behaviour = zoom<SVGSVGElement, unknown>().on(
    'zoom',
    (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      if (quiet || event.sourceEvent === null || event.sourceEvent === undefined) return;
      const gesture: Gesture = (event.sourceEvent as Event).type === 'wheel' ? 'zoom' : 'pan';
      const w = windowForTransform(event.transform, plot(), durationMs);
      onGesture(clampWindow(w, durationMs), gesture);
    },
  );
  const selection = select(element);
  // Double-click zooms by default; here a click seeks, so a double click must not also zoom.
  selection.call(behaviour).on('dblclick.zoom', null);
  return {
    update(duration, w, h) {
      durationMs = Math.max(1, duration);
      width = Math.max(1, w);
      behaviour
        .extent([
          [plot().left, 0],
          [plot().right, h],
        ])
        .translateExtent([
          [plot().left, 0],
          [plot().right, h],
        ])
        .scaleExtent([1, Math.max(1, durationMs / MIN_SPAN_MS)]);
    },
    show(w) {
      const { k, x } = transformForWindow(w, plot(), durationMs);
      const now = zoomTransform(element);
      if (Math.abs(now.k - k) < 1e-9 && Math.abs(now.x - x) < 1e-6) return;
      quiet = true;
      selection.call(behaviour.transform, zoomIdentity.translate(x, 0).scale(k));
      quiet = false;
    },
    destroy() {
      selection.on('.zoom', null);
    },
  };
}
