/**
 * One horizontal lane per node and per client: replicas first, then the monitor, then clients
 * (whose requests therefore always travel upwards). Lanes share the height they are given, up
 * to a comfortable maximum; with many nodes they shrink, and below a readable size their labels
 * give way to tooltips so a projector still shows the arrows.
 */

/** Lanes never grow taller than this: a few lanes stay close enough to follow an arrow. */
export const MAX_LANE_PX = 34;
/** Lanes thinner than this hide their labels (the label column would overlap itself). */
export const MIN_LABELLED_LANE_PX = 13;

export type LaneKind = 'node' | 'client';

export interface Lane {
  id: string;
  kind: LaneKind;
  isMonitor: boolean;
  /** Centre line, in pixels from the top of the plot. */
  y: number;
}

export interface LaneLayout {
  lanes: Lane[];
  laneHeightPx: number;
  showLabels: boolean;
}

/** Lanes for these nodes and clients, within `heightPx` starting at `topPx`. */
export function laneLayout(
  nodes: ReadonlyArray<{ id: string; isMonitor: boolean }>,
  clientIds: readonly string[],
  topPx: number,
  heightPx: number,
): LaneLayout {
  const ordered: Array<Omit<Lane, 'y'>> = [
    ...nodes
      .filter((n) => !n.isMonitor)
      .map((n) => ({ id: n.id, kind: 'node' as const, isMonitor: false })),
    ...nodes
      .filter((n) => n.isMonitor)
      .map((n) => ({ id: n.id, kind: 'node' as const, isMonitor: true })),
    ...clientIds.map((id) => ({ id, kind: 'client' as const, isMonitor: false })),
  ];
  const count = Math.max(1, ordered.length);
  const laneHeightPx = Math.min(MAX_LANE_PX, Math.max(0, heightPx) / count);
  return {
    lanes: ordered.map((lane, i) => ({ ...lane, y: topPx + (i + 0.5) * laneHeightPx })),
    laneHeightPx,
    showLabels: laneHeightPx >= MIN_LABELLED_LANE_PX,
  };
}

/** Lane centre lines by endpoint id. */
export function laneYs(layout: LaneLayout): Map<string, number> {
  return new Map(layout.lanes.map((l) => [l.id, l.y]));
}
