/**
 * Paints a scene on a canvas: lanes, down stretches, operation spans, arrows, marks. Canvas,
 * because a zoomed-out long run has thousands of arrows; lines are batched into one path per
 * colour so a frame costs a handful of strokes. Colours come from the CSS variables the
 * cluster view uses, read once per mount.
 */

import type { QuorumPicture } from '../../../store/families/leaderlessQuorum';
import { MESSAGE_CATEGORIES, type MessageCategory } from '../messageKinds';
import type { PaintContext } from '../vectorPainters';
import type { Arrow } from './arrows';
import { SPAN_HALF_PX } from './hitTest';
import type { LaneLayout } from './lanes';
import { type SpanOutcome, spanLabel } from './opSpans';
import type { Scene } from './scene';

export interface Palette {
  lane: string;
  down: string;
  danger: string;
  ok: string;
  text: string;
  quorumWrite: string;
  quorumRead: string;
  outcome: Record<SpanOutcome, string>;
  category: Record<MessageCategory, string>;
}

/** The palette from the page's CSS variables (with fallbacks for a bare test page). */
export function readPalette(element: Element): Palette {
  const style = getComputedStyle(element);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const category = Object.fromEntries(
    MESSAGE_CATEGORIES.map(({ category: c }) => [c, v(`--msg-${c}`, '#6b7280')]),
  ) as Record<MessageCategory, string>;
  return {
    lane: v('--link', '#cdd3df'),
    down: v('--node-down-stroke', '#9aa3b2'),
    danger: v('--danger', '#b91c1c'),
    ok: v('--ok', '#047857'),
    text: v('--text', '#1a2133'),
    quorumWrite: v('--quorum-write', '#c2410c'),
    quorumRead: v('--quorum-read', '#0e7490'),
    outcome: {
      ok: v('--ok', '#047857'),
      fail: v('--danger', '#b91c1c'),
      info: v('--warn', '#92400e'),
      pending: v('--accent', '#4338ca'),
    },
    category,
  };
}

const ARROW_HEAD_PX = 5;
const CROSS_PX = 3.5;

function arrowHead(ctx: PaintContext, a: Arrow): void {
  const angle = Math.atan2(a.y2 - a.y1, a.x2 - a.x1);
  const spread = 0.45;
  ctx.moveTo(a.x2, a.y2);
  ctx.lineTo(
    a.x2 - ARROW_HEAD_PX * Math.cos(angle - spread),
    a.y2 - ARROW_HEAD_PX * Math.sin(angle - spread),
  );
  ctx.lineTo(
    a.x2 - ARROW_HEAD_PX * Math.cos(angle + spread),
    a.y2 - ARROW_HEAD_PX * Math.sin(angle + spread),
  );
  ctx.closePath();
}

function paintLanes(ctx: PaintContext, scene: Scene, lanes: LaneLayout, width: number, p: Palette) {
  ctx.lineWidth = 1;
  ctx.strokeStyle = p.lane;
  ctx.beginPath();
  for (const lane of lanes.lanes) {
    ctx.moveTo(0, Math.round(lane.y) + 0.5);
    ctx.lineTo(width, Math.round(lane.y) + 0.5);
  }
  ctx.stroke();
  // A node that is down: its lane turns into a grey band, so silence reads as absence.
  const band = Math.max(2, Math.min(10, lanes.laneHeightPx * 0.5));
  ctx.fillStyle = p.down;
  ctx.globalAlpha = 0.35;
  for (const d of scene.downs) ctx.fillRect(d.x1, d.y - band / 2, Math.max(1, d.x2 - d.x1), band);
  ctx.globalAlpha = 1;
}

function paintSpans(
  ctx: PaintContext,
  scene: Scene,
  lanes: LaneLayout,
  p: Palette,
  highlighted: ReadonlySet<number>,
) {
  const half = Math.min(SPAN_HALF_PX, lanes.laneHeightPx / 3);
  for (const s of scene.spans) {
    const width = Math.max(3, s.x2 - s.x1);
    ctx.fillStyle = p.outcome[s.span.outcome];
    ctx.globalAlpha = s.span.outcome === 'pending' ? 0.35 : 0.55;
    ctx.fillRect(s.x1, s.y - half, width, half * 2);
  }
  ctx.globalAlpha = 1;
  // The operations an anomaly names, outlined so the eye finds them among the rest.
  if (highlighted.size > 0) {
    ctx.strokeStyle = p.danger;
    ctx.lineWidth = 2.5;
    for (const s of scene.spans) {
      if (!highlighted.has(s.span.opId)) continue;
      ctx.strokeRect(s.x1 - 2, s.y - half - 2, Math.max(3, s.x2 - s.x1) + 4, half * 2 + 4);
    }
  }
  if (!lanes.showLabels) return;
  // Labels above their span, clipped to it: the tooltip has the rest.
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = p.text;
  for (const s of scene.spans) {
    const width = s.x2 - s.x1;
    if (width < 28) continue;
    ctx.save();
    ctx.beginPath();
    ctx.rect(s.x1, s.y - lanes.laneHeightPx * 0.62, width, lanes.laneHeightPx * 0.62);
    ctx.clip();
    ctx.fillText(spanLabel(s.span), s.x1 + 2, s.y - half - 0.5);
    ctx.restore();
  }
}

/**
 * Paths are issued in batches: Chromium's software rasteriser slows down sharply on one path of
 * thousands of pieces (measured: 7,800 arrowheads in one path took 560 ms, in paths of 200, 15 ms).
 */
const BATCH = 200;

function inBatches<T>(
  ctx: PaintContext,
  items: readonly T[],
  add: (item: T) => void,
  finish: () => void,
): void {
  for (let start = 0; start < items.length; start += BATCH) {
    ctx.beginPath();
    const end = Math.min(items.length, start + BATCH);
    for (let i = start; i < end; i++) add(items[i] as T);
    finish();
  }
}

/**
 * Beyond this many arrows in view the diagram is zoomed out over a busy run: arrows become
 * hairlines without heads (heads would merge into noise, and thick lines cost ten times more).
 */
export const DENSE_ARROWS = 1500;

function groupArrows(arrows: readonly Arrow[]): Arrow[][] {
  const groups = new Map<string, Arrow[]>();
  for (const a of arrows) {
    const key = `${a.state}:${a.category}`;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [a]);
    else list.push(a);
  }
  return [...groups.values()];
}

function paintArrows(ctx: PaintContext, scene: Scene, p: Palette) {
  const dense = scene.arrows.length > DENSE_ARROWS;
  for (const list of groupArrows(scene.arrows)) {
    const first = list[0] as Arrow;
    const colour = p.category[first.category];
    const heartbeat = first.category === 'heartbeat';
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.lineWidth = heartbeat || dense ? 1 : 1.5;
    // Lost messages: faded (and dashed, unless dashes would cost more than they tell), so the
    // eye stays on what arrived.
    ctx.globalAlpha = first.state === 'dropped' ? 0.45 : heartbeat ? 0.6 : 1;
    ctx.setLineDash(first.state === 'dropped' && !dense ? [3, 3] : []);
    const stroke = () => ctx.stroke();
    const fill = () => ctx.fill();
    inBatches(
      ctx,
      list,
      (a) => {
        ctx.moveTo(a.x1, a.y1);
        ctx.lineTo(a.x2, a.y2);
      },
      stroke,
    );
    ctx.setLineDash([]);
    if (first.state === 'delivered' && !dense) inBatches(ctx, list, (a) => arrowHead(ctx, a), fill);
    if (first.state === 'in-flight') {
      inBatches(
        ctx,
        list,
        (a) => {
          ctx.moveTo(a.x2 + 2.5, a.y2);
          ctx.arc(a.x2, a.y2, 2.5, 0, 2 * Math.PI);
        },
        fill,
      );
    }
  }
  ctx.globalAlpha = 1;
  ctx.strokeStyle = p.danger;
  ctx.lineWidth = 1.5;
  const dropped = scene.arrows.filter((a) => a.state === 'dropped');
  inBatches(
    ctx,
    dropped,
    (a) => {
      ctx.moveTo(a.x2 - CROSS_PX, a.y2 - CROSS_PX);
      ctx.lineTo(a.x2 + CROSS_PX, a.y2 + CROSS_PX);
      ctx.moveTo(a.x2 + CROSS_PX, a.y2 - CROSS_PX);
      ctx.lineTo(a.x2 - CROSS_PX, a.y2 + CROSS_PX);
    },
    () => ctx.stroke(),
  );
}

function paintMarks(ctx: PaintContext, scene: Scene, p: Palette) {
  for (const m of scene.marks) {
    ctx.fillStyle = m.type === 'crash' ? p.danger : p.ok;
    ctx.beginPath();
    // A crash is a square (a stop), a restart a circle: told apart without colour too.
    if (m.type === 'crash') ctx.rect(m.x - 4, m.y - 4, 8, 8);
    else ctx.arc(m.x, m.y, 4, 0, 2 * Math.PI);
    ctx.fill();
  }
}

/**
 * Leaderless: the pictured operation's quorums. The lanes of the replicas that acknowledged
 * the write, and of those that answered the read, are underlined in the quorum colours, and
 * the two operations' bars outlined in them.
 */
function paintQuorum(
  ctx: PaintContext,
  scene: Scene,
  lanes: LaneLayout,
  width: number,
  p: Palette,
  quorum: QuorumPicture,
) {
  ctx.lineWidth = 3;
  ctx.globalAlpha = 0.55;
  const underline = (nodes: readonly string[], colour: string, offset: number) => {
    ctx.strokeStyle = colour;
    ctx.beginPath();
    for (const lane of lanes.lanes) {
      if (!nodes.includes(lane.id)) continue;
      ctx.moveTo(0, lane.y + offset);
      ctx.lineTo(width, lane.y + offset);
    }
    ctx.stroke();
  };
  underline(quorum.write?.nodes ?? [], p.quorumWrite, -2);
  underline(quorum.read?.nodes ?? [], p.quorumRead, 2);
  ctx.globalAlpha = 1;
  const half = Math.min(SPAN_HALF_PX, lanes.laneHeightPx / 3);
  for (const s of scene.spans) {
    const colour =
      s.span.opId === quorum.write?.opId
        ? p.quorumWrite
        : s.span.opId === quorum.read?.opId
          ? p.quorumRead
          : null;
    if (colour === null) continue;
    ctx.strokeStyle = colour;
    ctx.strokeRect(s.x1 - 3, s.y - half - 3, Math.max(3, s.x2 - s.x1) + 6, half * 2 + 6);
  }
}

/** Clear the canvas and paint the scene, at the device's pixel ratio. */
export function paintScene(
  ctx: PaintContext,
  scene: Scene,
  lanes: LaneLayout,
  size: { width: number; height: number; ratio: number },
  palette: Palette,
  highlighted: ReadonlySet<number> = new Set(),
  quorum: QuorumPicture | null = null,
): void {
  ctx.setTransform(size.ratio, 0, 0, size.ratio, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  paintLanes(ctx, scene, lanes, size.width, palette);
  if (quorum !== null) paintQuorum(ctx, scene, lanes, size.width, palette, quorum);
  paintSpans(ctx, scene, lanes, palette, highlighted);
  paintArrows(ctx, scene, palette);
  paintMarks(ctx, scene, palette);
}
