/**
 * Everything the diagram draws at one moment, as plain geometry: a pure function of the
 * simulation state at time t, the visible window and the plot's size. The canvas painter, the
 * overlay and hit testing all read the same scene.
 */
import { type ScaleLinear, scaleLinear } from 'd3';
import type { LifecycleMark, TimelineMessage } from '../../../store/timeline';
import { type Arrow, arrowsInWindow } from './arrows';
import { type DownStretch, downStretches } from './lifecycle';
import type { OpSpan, SpanBox } from './opSpans';
import { spanBoxes } from './opSpans';
import { plotRange, type TimeWindow } from './timeWindow';

export interface SceneInput {
  /** Display time (the playhead). */
  t: number;
  window: TimeWindow;
  widthPx: number;
  laneY: ReadonlyMap<string, number>;
  finished: readonly TimelineMessage[];
  inFlight: readonly TimelineMessage[];
  spans: readonly OpSpan[];
  marks: readonly LifecycleMark[];
}

export interface PlacedMark extends LifecycleMark {
  x: number;
  y: number;
}

export interface PlacedDown extends DownStretch {
  x1: number;
  x2: number;
  y: number;
}

export interface Scene {
  t: number;
  window: TimeWindow;
  x: ScaleLinear<number, number>;
  arrows: Arrow[];
  spans: SpanBox[];
  marks: PlacedMark[];
  downs: PlacedDown[];
}

export function buildScene(input: SceneInput): Scene {
  const { t, window: w, laneY } = input;
  const plot = plotRange(input.widthPx);
  const x = scaleLinear()
    .domain([w.startMs, w.startMs + w.spanMs])
    .range([plot.left, plot.right]);
  const end = w.startMs + w.spanMs;
  const inView = (ms: number) => ms >= w.startMs && ms <= end;
  const marks: PlacedMark[] = [];
  for (const m of input.marks) {
    const y = laneY.get(m.node);
    if (y !== undefined && inView(m.t)) marks.push({ ...m, x: x(m.t), y });
  }
  const downs: PlacedDown[] = [];
  for (const d of downStretches(input.marks, t)) {
    const y = laneY.get(d.node);
    if (y === undefined || d.toMs < w.startMs || d.fromMs > end) continue;
    downs.push({ ...d, x1: x(d.fromMs), x2: x(d.toMs), y });
  }
  return {
    t,
    window: w,
    x,
    arrows: arrowsInWindow(input.finished, input.inFlight, t, w, x, laneY),
    spans: spanBoxes(input.spans, t, w, x, laneY),
    marks,
    downs,
  };
}
