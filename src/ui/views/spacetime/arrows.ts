/**
 * Where each message's arrow is drawn: from (sender's lane, sent time) to (receiver's lane,
 * delivery time). A message that did not arrive stops partway, where its fate was decided; one
 * still in flight is drawn up to the playhead, on the line it will follow, and no further: the
 * picture at time t shows nothing that happens after t.
 */
import type { TimelineMessage } from '../../../store/timeline';
import { categoryOf, type MessageCategory } from '../messageKinds';
import { progress } from '../messageMarks';
import type { TimeWindow } from './timeWindow';

/** How far towards the receiver a lost message's arrow reaches before its X. */
export const DROP_FRACTION = 0.8;

export type ArrowState = 'delivered' | 'dropped' | 'in-flight';

export interface Arrow {
  message: TimelineMessage;
  category: MessageCategory;
  state: ArrowState;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The arrow for one message at display time `t`, or null when either end has no lane (a node
 * added later, or one the picture does not show).
 */
export function arrowFor(
  m: TimelineMessage,
  t: number,
  x: (ms: number) => number,
  laneY: ReadonlyMap<string, number>,
): Arrow | null {
  const y1 = laneY.get(m.from);
  const yTo = laneY.get(m.to);
  if (y1 === undefined || yTo === undefined) return null;
  const x1 = x(m.sentAt);
  const xEnd = x(m.deliverAt);
  const category = categoryOf(m.kind);
  // Object literals of one shape, written out: this runs for every arrow of every frame.
  if (m.fate === 'delivered') {
    return { message: m, category, state: 'delivered', x1, y1, x2: xEnd, y2: yTo };
  }
  if (m.fate === 'in-flight') {
    // Along the straight line to its delivery point: x is linear in time, so the tip is at x(t).
    const f = progress(t, m.sentAt, m.deliverAt);
    const x2 = x1 + (xEnd - x1) * f;
    return { message: m, category, state: 'in-flight', x1, y1, x2, y2: y1 + (yTo - y1) * f };
  }
  const y2 = y1 + (yTo - y1) * DROP_FRACTION;
  return { message: m, category, state: 'dropped', x1, y1, x2: xEnd, y2 };
}

/** Whether a message's flight, as drawn at time t, overlaps the window. */
export function overlapsWindow(m: TimelineMessage, t: number, w: TimeWindow): boolean {
  const end = m.fate === 'in-flight' ? Math.min(t, m.deliverAt) : m.deliverAt;
  return m.sentAt <= w.startMs + w.spanMs && end >= w.startMs;
}

/** Arrows for the finished and in-flight messages that show in the window at time t. */
export function arrowsInWindow(
  finished: readonly TimelineMessage[],
  inFlight: readonly TimelineMessage[],
  t: number,
  w: TimeWindow,
  x: (ms: number) => number,
  laneY: ReadonlyMap<string, number>,
): Arrow[] {
  const out: Arrow[] = [];
  for (const list of [finished, inFlight]) {
    for (const m of list) {
      if (!overlapsWindow(m, t, w)) continue;
      const arrow = arrowFor(m, t, x, laneY);
      if (arrow !== null) out.push(arrow);
    }
  }
  return out;
}
