/**
 * Where each message is drawn at a display time: a pure function of the playhead, so scrubbing,
 * pausing and speed changes need no animation state (DESIGN.md, "animation without its own
 * clock"). A message in flight sits `(t - sentAt) / (deliverAt - sentAt)` of the way along its
 * link; a message that failed to arrive falls away from the receiver's edge as it fades.
 */
import type { MessageView } from '../../store/view';
import { DROP_VISIBLE_MS } from '../../store/view';
import type { Endpoint, Point } from './clusterLayout';
import { categoryOf, type MessageCategory } from './messageKinds';

/** Messages each way on a link travel in their own lane, this far right of the centre line. */
export const LANE_OFFSET = 5;
/** How far a dropped message falls while it fades, in view-box units. */
export const DROP_FALL = 36;

export interface MessageMark {
  key: string;
  /** The message itself, for hit-testing and descriptions. */
  id: number;
  kind: string;
  from: string;
  to: string;
  x: number;
  y: number;
  category: MessageCategory;
  dropped: boolean;
  opacity: number;
  /** Small marks for frequent, uneventful traffic (heartbeats) so it does not crowd; not for drops. */
  small: boolean;
}

/** Start and end of a message's path: edge to edge, shifted into the lane of its direction. */
export function messagePath(from: Endpoint, to: Endpoint): { start: Point; end: Point } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  // Right-hand normal of the direction of travel: the two directions get opposite lanes.
  const nx = -uy * LANE_OFFSET;
  const ny = ux * LANE_OFFSET;
  return {
    start: { x: from.x + ux * from.radius + nx, y: from.y + uy * from.radius + ny },
    end: { x: to.x - ux * to.radius + nx, y: to.y - uy * to.radius + ny },
  };
}

/** Fraction of the way from sender to receiver at time t, clamped to [0, 1]. */
export function progress(t: number, sentAt: number, deliverAt: number): number {
  if (deliverAt <= sentAt) return 1;
  return Math.min(1, Math.max(0, (t - sentAt) / (deliverAt - sentAt)));
}

export function messageMarks(
  inFlight: readonly MessageView[],
  recentDrops: readonly MessageView[],
  t: number,
  endpoints: ReadonlyMap<string, Endpoint>,
  reducedMotion: boolean,
): MessageMark[] {
  const marks: MessageMark[] = [];
  // Runs every frame for up to thousands of messages: one literal per mark, no spreads (an
  // object spread here cost thirty times as much as the literal, measured in V8).
  const place = (m: MessageView, dropped: boolean) => {
    const from = endpoints.get(m.from);
    const to = endpoints.get(m.to);
    if (from === undefined || to === undefined) return;
    const { start, end } = messagePath(from, to);
    const category = categoryOf(m.kind);
    let x: number;
    let y: number;
    let opacity = 1;
    if (dropped) {
      // With reduced motion a drop stays put at the receiver's edge, fully visible, until it
      // expires.
      const age = reducedMotion ? 0 : Math.min(1, Math.max(0, (t - m.deliverAt) / DROP_VISIBLE_MS));
      x = end.x;
      y = end.y + DROP_FALL * age * age;
      opacity = 1 - 0.85 * age;
    } else {
      const f = progress(t, m.sentAt, m.deliverAt);
      x = start.x + (end.x - start.x) * f;
      y = start.y + (end.y - start.y) * f;
    }
    marks.push({
      key: String(m.id),
      id: m.id,
      kind: m.kind,
      from: m.from,
      to: m.to,
      x,
      y,
      category,
      dropped,
      opacity,
      small: category === 'heartbeat' && !dropped,
    });
  };
  for (const m of inFlight) place(m, false);
  for (const m of recentDrops) place(m, true);
  return marks;
}
