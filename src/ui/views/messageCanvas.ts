/**
 * Drawing messages on a canvas, and finding the one under the pointer. A thousand moving SVG
 * elements cost the browser a style and layout pass each per frame; a canvas costs one clear and
 * a thousand arcs. Coordinates are the cluster's view-box units, mapped to canvas pixels by a
 * matrix the caller takes from the SVG (so zoom, pan and resizing line up by construction).
 */
import type { Endpoint } from './clusterLayout';
import type { MessageCategory } from './messageKinds';
import { MESSAGE_CATEGORIES } from './messageKinds';
import type { MessageMark } from './messageMarks';
import type { PaintContext } from './vectorPainters';

export const RADIUS = 6;
export const SMALL_RADIUS = 4;
const CROSS = 3;
/** How far from a mark's centre (in screen pixels) the pointer still counts as over it. */
export const HIT_SLOP_PX = 8;

export type CategoryColours = Record<MessageCategory, string>;

/** The message colours, read from the CSS variables the legend and the diagram use too. */
export function readCategoryColours(element: Element): CategoryColours {
  const style = getComputedStyle(element);
  const colours = {} as CategoryColours;
  for (const { category } of MESSAGE_CATEGORIES) {
    colours[category] = style.getPropertyValue(`--msg-${category}`).trim() || '#888';
  }
  return colours;
}

/** A 2-D affine matrix, as DOMMatrix and canvas `setTransform` take it. */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export interface DrawOptions {
  colours: CategoryColours;
  /** Marks with these keys are drawn emphasised (hovered or selected). */
  emphasised: ReadonlySet<string>;
  dropColour: string;
}

export function drawMessages(
  ctx: PaintContext,
  marks: readonly MessageMark[],
  toPixels: Affine,
  options: DrawOptions,
): void {
  const { colours, emphasised, dropColour } = options;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(toPixels.a, toPixels.b, toPixels.c, toPixels.d, toPixels.e, toPixels.f);
  // Batch by colour: one path per category keeps the canvas state changes few.
  for (const { category } of MESSAGE_CATEGORIES) {
    ctx.beginPath();
    let any = false;
    for (const m of marks) {
      if (m.category !== category || m.dropped) continue;
      const r = m.small ? SMALL_RADIUS : RADIUS;
      ctx.moveTo(m.x + r, m.y);
      ctx.arc(m.x, m.y, r, 0, 2 * Math.PI);
      any = true;
    }
    if (any) {
      ctx.fillStyle = colours[category];
      ctx.fill();
      // A white rim keeps marks apart where they bunch up, as on a busy link.
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
  }
  for (const m of marks) {
    if (!m.dropped) continue;
    ctx.globalAlpha = m.opacity;
    ctx.beginPath();
    ctx.arc(m.x, m.y, RADIUS, 0, 2 * Math.PI);
    ctx.fillStyle = colours[m.category];
    ctx.fill();
    ctx.beginPath();
    ctx.moveTo(m.x - CROSS, m.y - CROSS);
    ctx.lineTo(m.x + CROSS, m.y + CROSS);
    ctx.moveTo(m.x + CROSS, m.y - CROSS);
    ctx.lineTo(m.x - CROSS, m.y + CROSS);
    ctx.strokeStyle = dropColour;
    ctx.lineWidth = 1.8;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  for (const m of marks) {
    if (!emphasised.has(m.key)) continue;
    ctx.beginPath();
    ctx.arc(m.x, m.y, RADIUS + 4, 0, 2 * Math.PI);
    ctx.strokeStyle = colours[m.category];
    ctx.lineWidth = 2.5;
    ctx.stroke();
  }
  ctx.restore();
}

/** Is the point (view-box units) on a node or client, within its radius? */
export function overEndpoint(
  endpoints: ReadonlyMap<string, Endpoint>,
  x: number,
  y: number,
): boolean {
  for (const e of endpoints.values()) if (Math.hypot(e.x - x, e.y - y) <= e.radius) return true;
  return false;
}

/**
 * The mark nearest to a point (view-box units) within `slop` units, or null. Later marks win
 * ties, as they are drawn on top.
 */
export function markAt(
  marks: readonly MessageMark[],
  x: number,
  y: number,
  slop: number,
): MessageMark | null {
  let best: MessageMark | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const m of marks) {
    const reach = (m.small ? SMALL_RADIUS : RADIUS) + slop;
    const d = Math.hypot(m.x - x, m.y - y);
    if (d <= reach && d <= bestDistance) {
      best = m;
      bestDistance = d;
    }
  }
  return best;
}

/** Up to this many messages are described one by one; more are counted by kind. */
export const DESCRIBE_EACH_UP_TO = 12;

/** One sentence for assistive technology: the messages in flight, or how many of each kind. */
export function describeMessages(marks: readonly MessageMark[]): string {
  const moving = marks.filter((m) => !m.dropped);
  if (moving.length === 0) return 'No messages in flight.';
  const noun = moving.length === 1 ? 'message' : 'messages';
  if (moving.length <= DESCRIBE_EACH_UP_TO) {
    const each = moving.map((m) => `${m.kind} ${m.from} → ${m.to}`);
    return `${moving.length} ${noun} in flight: ${each.join('; ')}.`;
  }
  const counts = new Map<string, number>();
  for (const m of moving) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  const parts = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, n]) => `${n} ${kind}`);
  return `${moving.length} ${noun} in flight: ${parts.join(', ')}.`;
}
