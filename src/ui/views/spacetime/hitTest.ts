/** What lies under the pointer in a scene: the nearest arrow, else a mark or an operation's span. */
import type { Arrow } from './arrows';
import type { OpSpan } from './opSpans';
import type { PlacedMark, Scene } from './scene';

/** How close (px) the pointer must come to an arrow to pick it. */
export const HIT_RADIUS_PX = 5;
/** Half the height of an operation's span, in pixels (also its drawn half-height). */
export const SPAN_HALF_PX = 4;

export type Hit =
  | { kind: 'message'; arrow: Arrow }
  | { kind: 'op'; span: OpSpan }
  | { kind: 'mark'; mark: PlacedMark };

/** Distance from point p to the segment a-b. */
export function distanceToSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const f =
    lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSq));
  return Math.hypot(px - (ax + f * dx), py - (ay + f * dy));
}

export function hitTest(scene: Scene, px: number, py: number): Hit | null {
  let best: Arrow | null = null;
  let bestDistance = HIT_RADIUS_PX;
  for (const a of scene.arrows) {
    const d = distanceToSegment(px, py, a.x1, a.y1, a.x2, a.y2);
    if (d <= bestDistance) {
      best = a;
      bestDistance = d;
    }
  }
  if (best !== null) return { kind: 'message', arrow: best };
  for (const m of scene.marks) {
    if (Math.abs(px - m.x) <= HIT_RADIUS_PX && Math.abs(py - m.y) <= HIT_RADIUS_PX) {
      return { kind: 'mark', mark: m };
    }
  }
  for (const s of scene.spans) {
    const inX = px >= s.x1 - 2 && px <= Math.max(s.x2, s.x1 + 4) + 2;
    if (inX && Math.abs(py - s.y) <= SPAN_HALF_PX + 2) return { kind: 'op', span: s.span };
  }
  return null;
}
