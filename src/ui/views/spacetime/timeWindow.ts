/**
 * The diagram's visible stretch of simulated time, and how it follows the playhead. The window
 * is the one source of truth; d3-zoom's transform is derived from it (and read back from a
 * gesture), so a resize or a change of run keeps the same milliseconds in view.
 */

export interface TimeWindow {
  startMs: number;
  spanMs: number;
}

/** Horizontal extent of the plot, in pixels. */
export interface PlotRange {
  left: number;
  right: number;
}

/** Room left and right of the plotted time, so the axis's first and last labels fit. */
export const PLOT_PAD_PX = 22;

/** The pixels time is plotted over, in a plot `widthPx` wide. */
export function plotRange(widthPx: number): PlotRange {
  return { left: PLOT_PAD_PX, right: Math.max(PLOT_PAD_PX + 1, widthPx - PLOT_PAD_PX) };
}

/** What a fresh diagram shows: a second of simulated time, where typical messages are visible. */
export const DEFAULT_SPAN_MS = 1000;
/** The closest zoom: a message of a few milliseconds still spans a readable distance. */
export const MIN_SPAN_MS = 20;
/** While following, the playhead sits this far across the window, leaving room for what comes. */
export const FOLLOW_AT = 0.8;
/** With reduced motion the window pages instead of scrolling: it moves once the playhead passes this. */
export const PAGE_AT = 0.95;
/** ...and then puts the playhead back this far across. */
export const PAGE_TO = 0.05;

/** Keep a window inside the run, no narrower than MIN_SPAN_MS. */
export function clampWindow(w: TimeWindow, durationMs: number): TimeWindow {
  const spanMs = Math.min(Math.max(MIN_SPAN_MS, w.spanMs), Math.max(MIN_SPAN_MS, durationMs));
  const startMs = Math.min(Math.max(0, w.startMs), Math.max(0, durationMs - spanMs));
  return { startMs, spanMs };
}

export function initialWindow(durationMs: number): TimeWindow {
  return clampWindow({ startMs: 0, spanMs: DEFAULT_SPAN_MS }, durationMs);
}

/**
 * The window that keeps the playhead in view. It stays still while the playhead is inside it
 * (so a click that seeks within the window does not move the picture under the pointer).
 * Scrolling: once the playhead passes FOLLOW_AT of the width it is held there, and one that
 * jumps back before the window lands at FOLLOW_AT too, with what led up to it in view. Paging
 * (for reduced motion) moves the window only when the playhead nears an edge or leaves it.
 */
export function followWindow(
  current: TimeWindow,
  playhead: number,
  durationMs: number,
  paged: boolean,
): TimeWindow {
  const { startMs, spanMs } = current;
  const holdAt = paged ? PAGE_AT : FOLLOW_AT;
  const inside = playhead >= startMs && playhead <= startMs + holdAt * spanMs;
  if (inside) return clampWindow(current, durationMs);
  const landAt = paged ? PAGE_TO : FOLLOW_AT;
  return clampWindow({ startMs: playhead - landAt * spanMs, spanMs }, durationMs);
}

/** The window after zooming by `factor` (above 1 zooms in) around the time `anchorMs`. */
export function zoomWindow(
  w: TimeWindow,
  factor: number,
  anchorMs: number,
  durationMs: number,
): TimeWindow {
  const spanMs = w.spanMs / factor;
  const startMs = anchorMs - (anchorMs - w.startMs) / factor;
  return clampWindow({ startMs, spanMs }, durationMs);
}

/**
 * d3-zoom's transform for a window. The base scale maps the whole run onto the plot; the
 * transform's `k` is how many times the window is narrower than the run.
 */
export function transformForWindow(
  w: TimeWindow,
  plot: PlotRange,
  durationMs: number,
): { k: number; x: number } {
  const width = plot.right - plot.left;
  const k = durationMs / w.spanMs;
  const base = plot.left + (width * w.startMs) / durationMs;
  return { k, x: plot.left - k * base };
}

/** The window a d3-zoom transform shows (inverse of `transformForWindow`). */
export function windowForTransform(
  t: { k: number; x: number },
  plot: PlotRange,
  durationMs: number,
): TimeWindow {
  const width = plot.right - plot.left;
  const base = (plot.left - t.x) / t.k;
  return { startMs: ((base - plot.left) * durationMs) / width, spanMs: durationMs / t.k };
}
