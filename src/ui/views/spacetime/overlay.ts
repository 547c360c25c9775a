/**
 * The SVG overlay above the canvas: the time axis (d3-axis), the playhead line, and the
 * highlighted arrows (what the pointer is over, in any view, and what is selected). Few
 * elements, updated in place on every draw.
 */
import { axisBottom, select } from 'd3';
import type { Arrow } from './arrows';
import type { Scene } from './scene';

/** Height reserved under the lanes for the time axis. */
export const AXIS_HEIGHT_PX = 22;
/** Pixels per axis tick, roughly: enough room for a "1200 ms" label. */
const PX_PER_TICK = 90;

/** The window and size each axis was last drawn for. */
const drawnAxis = new WeakMap<SVGGElement, string>();

export interface OverlayParts {
  axis: SVGGElement;
  playhead: SVGLineElement;
  hovered: SVGPathElement;
  selected: SVGPathElement;
}

function arrowPath(a: Arrow | undefined): string {
  if (a === undefined) return '';
  return `M${a.x1.toFixed(1)},${a.y1.toFixed(1)}L${a.x2.toFixed(1)},${a.y2.toFixed(1)}`;
}

export function updateOverlay(
  parts: OverlayParts,
  scene: Scene,
  size: { width: number; height: number },
  highlight: { hovered: number | null; selected: number | null },
): void {
  const axisY = size.height - AXIS_HEIGHT_PX;
  // The axis only changes with the window or the size; while following a paused run, or with
  // the whole run in view, rebuilding it every frame would be most of the diagram's cost.
  const axisKey = `${scene.window.startMs}|${scene.window.spanMs}|${size.width}|${size.height}`;
  if (drawnAxis.get(parts.axis) !== axisKey) {
    drawnAxis.set(parts.axis, axisKey);
    select(parts.axis)
      .attr('transform', `translate(0,${axisY})`)
      .call(
        axisBottom(scene.x)
          .ticks(Math.max(2, Math.floor(size.width / PX_PER_TICK)))
          .tickFormat((d) => `${d} ms`),
      );
  }
  const px = scene.x(scene.t);
  const visible = px >= 0 && px <= size.width;
  select(parts.playhead)
    .attr('x1', px)
    .attr('x2', px)
    .attr('y1', 0)
    .attr('y2', axisY)
    .attr('visibility', visible ? 'visible' : 'hidden');
  const find = (id: number | null) =>
    id === null ? undefined : scene.arrows.find((a) => a.message.id === id);
  const hovered = find(highlight.hovered);
  const selected = find(highlight.selected);
  parts.hovered.setAttribute('d', arrowPath(hovered));
  parts.selected.setAttribute('d', arrowPath(selected));
  parts.hovered.setAttribute(
    'class',
    `spacetime__hovered spacetime__arrow--${hovered?.category ?? 'control'}`,
  );
  parts.selected.setAttribute(
    'class',
    `spacetime__selected spacetime__arrow--${selected?.category ?? 'control'}`,
  );
}
