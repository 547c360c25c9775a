/**
 * Where things sit in the cluster picture, in view-box units: replicas on a circle with a gap
 * at the top, the failover monitor in that gap, clients in a row along the bottom. Pure: the
 * same ids give the same picture, so nodes do not jump around as the run plays.
 */
import type { GroupArrangement, NodeGroup } from '../../store/nodeGroups';

export type { GroupArrangement, NodeGroup };

export const NODE_RADIUS = 30;
/** How far the cluster view zooms out and in (d3-zoom's scale extent). */
export const CLUSTER_ZOOM_EXTENT: readonly [number, number] = [0.4, 5];
export const CLIENT_WIDTH = 112;
export const CLIENT_HEIGHT = 34;

const CENTER_X = 400;
/** Arc length a node of a large ring gets: its circle, badges and name side by side. */
const NODE_SPACING = 150;
const RING_CENTER = { x: CENTER_X, y: 262 };
const MONITOR_AT = { x: CENTER_X, y: 64 };
const CLIENT_ROW_Y = 516;
/** Vertical room between the monitor and the highest replica: the monitor's label and badge. */
const MONITOR_CLEARANCE = NODE_RADIUS * 2 + 60;
/** Vertical room between the lowest replica's badges and the clients' boxes. */
const CLIENT_CLEARANCE = 24;

/** How far a node's drawing reaches from its centre: badges and name below, lag badge above. */
const NODE_EXTENT = { left: 66, right: 66, top: NODE_RADIUS + 12, bottom: NODE_RADIUS + 46 };
const CLIENT_EXTENT = {
  left: CLIENT_WIDTH / 2,
  right: CLIENT_WIDTH / 2,
  top: CLIENT_HEIGHT / 2,
  bottom: CLIENT_HEIGHT / 2 + 20,
};
const MARGIN = 18;
/** A lone node is not blown up to fill the screen: the view box never gets smaller than this. */
const MIN_VIEW = { width: 720, height: 440 };

export interface Point {
  x: number;
  y: number;
}

/** A place messages start from and arrive at: a centre and how far out its edge is. */
export interface Endpoint extends Point {
  radius: number;
}

export type LinkKind = 'replica' | 'monitor' | 'client';

export interface Link {
  a: string;
  b: string;
  kind: LinkKind;
}

/** The part of the plane worth showing, as an SVG `viewBox`. */
export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A group as drawn: a labelled frame around its members. */
export interface GroupFrame {
  id: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ClusterLayout {
  viewBox: ViewBox;
  /** Frames around groups of nodes; empty when the cluster is not grouped. */
  groups: readonly GroupFrame[];
  replicas: ReadonlyMap<string, Point>;
  monitors: ReadonlyMap<string, Point>;
  clients: ReadonlyMap<string, Point>;
  endpoints: ReadonlyMap<string, Endpoint>;
  links: readonly Link[];
}

/**
 * The ring grows with the number of replicas so that neighbours never touch. It is an ellipse,
 * wider than tall, because the space it is shown in is a landscape one.
 */
export function ringRadii(count: number): { rx: number; ry: number } {
  if (count <= 1) return { rx: 0, ry: 0 };
  // Small rings grow by a step per node; large ones keep about NODE_SPACING of arc per node, so
  // twenty-five replicas still do not overlap (the view box then shrinks the whole picture).
  const rx = Math.max(
    Math.min(330, 150 + 45 * count),
    ((count * NODE_SPACING) / (2 * Math.PI)) * 1.25,
  );
  const ry = Math.max(
    Math.min(175, 90 + 25 * count),
    ((count * NODE_SPACING) / (2 * Math.PI)) * 0.75,
  );
  return { rx, ry };
}

function ring(ids: readonly string[]): Map<string, Point> {
  const { rx, ry } = ringRadii(ids.length);
  const placed = new Map<string, Point>();
  ids.forEach((id, i) => {
    // Spread over the full turn, offset by half a slot so the top stays free for the monitor.
    const angle = -Math.PI / 2 + (2 * Math.PI * (i + 0.5)) / ids.length;
    placed.set(id, {
      x: RING_CENTER.x + rx * Math.cos(angle),
      y: RING_CENTER.y + ry * Math.sin(angle),
    });
  });
  return placed;
}

function row(ids: readonly string[], y: number, spacing: number): Map<string, Point> {
  const placed = new Map<string, Point>();
  const first = CENTER_X - (spacing * (ids.length - 1)) / 2;
  ids.forEach((id, i) => {
    placed.set(id, { x: first + spacing * i, y });
  });
  return placed;
}

/**
 * Clients in a row. With an odd number of replicas one of them sits at the bottom of the ring,
 * right above the middle of the row: the middle slot is then left empty, so that no client's
 * links run through that replica and its labels.
 */
function clientRow(ids: readonly string[], y: number, avoidMiddle: boolean): Map<string, Point> {
  const spacing = 260;
  if (!avoidMiddle || ids.length % 2 === 0) return row(ids, y, spacing);
  const slots = [...ids];
  slots.splice(Math.floor(ids.length / 2), 0, '');
  const placed = row(slots, y, spacing);
  placed.delete('');
  return placed;
}

type Extent = typeof NODE_EXTENT;

/** The smallest box around everything drawn, with a margin, no smaller than MIN_VIEW. */
export function fitViewBox(items: ReadonlyArray<[Point, Extent]>): ViewBox {
  if (items.length === 0) return { x: 0, y: 0, ...MIN_VIEW };
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const [p, e] of items) {
    left = Math.min(left, p.x - e.left);
    right = Math.max(right, p.x + e.right);
    top = Math.min(top, p.y - e.top);
    bottom = Math.max(bottom, p.y + e.bottom);
  }
  const width = Math.max(MIN_VIEW.width, right - left + 2 * MARGIN);
  const height = Math.max(MIN_VIEW.height, bottom - top + 2 * MARGIN);
  return { x: (left + right - width) / 2, y: (top + bottom - height) / 2, width, height };
}

/** Room between two group frames, and inside a frame around its ring. */
const GROUP_GAP = 40;
const GROUP_PADDING = { x: 70, top: 54, bottom: NODE_EXTENT.bottom + 12 };

const ROW: GroupArrangement = { ring: false, centre: null, firstOnTop: false };

interface Sized {
  width: number;
  height: number;
}

/** Centres of groups of these sizes side by side, centred under the monitor. */
function rowCentres(sizes: readonly Sized[]): Point[] {
  const total = sizes.reduce((sum, z) => sum + z.width, 0) + GROUP_GAP * (sizes.length - 1);
  let left = CENTER_X - total / 2;
  return sizes.map((z) => {
    const centre = { x: left + z.width / 2, y: RING_CENTER.y };
    left += z.width + GROUP_GAP;
    return centre;
  });
}

/**
 * Centres of groups on a circle (stretched to landscape), the first at the top, in order
 * clockwise; the `centre` group, if any, in the middle. The circle is just large enough that
 * neighbouring frames, and the middle one, do not touch.
 */
function ringCentres(sizes: readonly Sized[], centre: number): Point[] {
  const around = sizes.length - (centre >= 0 ? 1 : 0);
  const reach = Math.max(...sizes.map((z) => Math.hypot(z.width, z.height)));
  const apart = reach + GROUP_GAP;
  const radius = Math.max(
    around > 1 ? apart / (2 * Math.sin(Math.PI / around)) : 0,
    centre >= 0 ? apart : 0,
  );
  let k = 0;
  return sizes.map((_, i) => {
    if (i === centre) return { ...RING_CENTER };
    const angle = -Math.PI / 2 + (2 * Math.PI * k++) / around;
    return {
      x: RING_CENTER.x + radius * 1.2 * Math.cos(angle),
      y: RING_CENTER.y + radius * Math.sin(angle),
    };
  });
}

/**
 * Each group a small ring of its own inside a frame; the groups side by side or on a ring.
 * Replicas in no group form a last, unlabelled group; empty groups are skipped.
 */
function groupedRings(
  replicaIds: readonly string[],
  groups: readonly NodeGroup[],
  arrangement: GroupArrangement,
): { placed: Map<string, Point>; frames: GroupFrame[] } {
  const known = new Set(replicaIds);
  const grouped = new Set(groups.flatMap((g) => g.members));
  const rest = replicaIds.filter((id) => !grouped.has(id));
  const all = [
    ...groups.map((g) => ({ ...g, members: g.members.filter((m) => known.has(m)) })),
    ...(rest.length > 0 ? [{ id: '', label: '', members: rest }] : []),
  ].filter((g) => g.members.length > 0);
  const sizes = all.map((g) => {
    const { rx, ry } = groupRadii(g.members.length);
    return {
      rx,
      ry,
      width: 2 * (rx + GROUP_PADDING.x),
      height: 2 * ry + 2 * NODE_RADIUS + GROUP_PADDING.top + GROUP_PADDING.bottom,
    };
  });
  const centres = arrangement.ring
    ? ringCentres(
        sizes,
        all.findIndex((g) => g.id !== '' && g.id === arrangement.centre),
      )
    : rowCentres(sizes);
  const placed = new Map<string, Point>();
  const frames: GroupFrame[] = [];
  all.forEach((g, i) => {
    const { rx, ry, width, height } = sizes[i] as (typeof sizes)[number];
    const centre = centres[i] as Point;
    const offset = arrangement.firstOnTop ? 0 : 0.5;
    g.members.forEach((id, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * (k + offset)) / g.members.length;
      placed.set(id, { x: centre.x + rx * Math.cos(angle), y: centre.y + ry * Math.sin(angle) });
    });
    if (g.id !== '') {
      frames.push({
        id: g.id,
        label: g.label,
        x: centre.x - width / 2,
        y: centre.y - ry - NODE_RADIUS - GROUP_PADDING.top,
        width,
        height,
      });
    }
  });
  return { placed, frames };
}

/** A group's ring: smaller than the whole cluster's, as it holds fewer nodes. */
export function groupRadii(count: number): { rx: number; ry: number } {
  if (count <= 1) return { rx: 0, ry: 0 };
  return { rx: Math.min(220, 40 + 35 * count), ry: Math.min(150, 45 + 25 * count) };
}

export function clusterLayout(
  replicaIds: readonly string[],
  monitorIds: readonly string[],
  clientIds: readonly string[],
  groups: readonly NodeGroup[] = [],
  arrangement: GroupArrangement = ROW,
): ClusterLayout {
  const grouping = groups.length > 0 ? groupedRings(replicaIds, groups, arrangement) : null;
  const replicas = grouping?.placed ?? ring(replicaIds);
  const frames = grouping?.frames ?? [];
  // Many replicas crowd the top of the ring; the monitor then moves up to stay clear of them.
  // Group frames count as replicas reaching further up and down.
  const frameTops = frames.map((f) => f.y + NODE_RADIUS);
  const frameBottoms = frames.map((f) => f.y + f.height - NODE_EXTENT.bottom);
  const topReplicaY = Math.min(
    RING_CENTER.y,
    ...[...replicas.values()].map((p) => p.y),
    ...frameTops,
  );
  const monitors = row(monitorIds, Math.min(MONITOR_AT.y, topReplicaY - MONITOR_CLEARANCE), 160);
  // Clients go below the lowest replica's badges, however tall the ring has grown.
  const bottomReplicaY = Math.max(
    RING_CENTER.y,
    ...[...replicas.values()].map((p) => p.y),
    ...frameBottoms,
  );
  const clientRowY = Math.max(
    CLIENT_ROW_Y,
    bottomReplicaY + NODE_EXTENT.bottom + CLIENT_EXTENT.top + CLIENT_CLEARANCE,
  );
  const clients = clientRow(
    clientIds,
    clientRowY,
    replicaIds.length % 2 === 1 && replicaIds.length > 1,
  );
  const endpoints = new Map<string, Endpoint>();
  for (const [id, p] of [...replicas, ...monitors])
    endpoints.set(id, { ...p, radius: NODE_RADIUS });
  for (const [id, p] of clients) endpoints.set(id, { ...p, radius: CLIENT_HEIGHT / 2 });

  const links: Link[] = [];
  // Replicas of different groups (data partitions) do not replicate to each other: no link.
  const groupOf = new Map(groups.flatMap((g) => g.members.map((m): [string, string] => [m, g.id])));
  replicaIds.forEach((a, i) => {
    for (const b of replicaIds.slice(i + 1)) {
      if (groupOf.get(a) === groupOf.get(b)) links.push({ a, b, kind: 'replica' });
    }
  });
  for (const m of monitorIds)
    for (const r of replicaIds) links.push({ a: m, b: r, kind: 'monitor' });
  // A client a group claims (a datacenter's nearby users) is linked to that group's nodes only:
  // its links to far datacenters would cross the whole picture and say little.
  const membersNear = new Map(
    groups.flatMap((g) =>
      (g.clients ?? []).map((c): [string, readonly string[]] => [c, g.members]),
    ),
  );
  for (const c of clientIds)
    for (const r of membersNear.get(c) ?? replicaIds) links.push({ a: c, b: r, kind: 'client' });
  const frameExtent = (f: GroupFrame): [Point, Extent] => [
    { x: f.x + f.width / 2, y: f.y + f.height / 2 },
    { left: f.width / 2, right: f.width / 2, top: f.height / 2, bottom: f.height / 2 },
  ];
  const viewBox = fitViewBox([
    ...[...replicas.values(), ...monitors.values()].map((p): [Point, Extent] => [p, NODE_EXTENT]),
    ...[...clients.values()].map((p): [Point, Extent] => [p, CLIENT_EXTENT]),
    ...frames.map(frameExtent),
  ]);
  return { viewBox, groups: frames, replicas, monitors, clients, endpoints, links };
}

/**
 * The layout with some endpoints moved (by dragging): nodes, clients, message endpoints and the
 * view box all follow. Unknown ids are ignored, so a stale drag never adds a phantom.
 */
export function withPositions(
  layout: ClusterLayout,
  moved: ReadonlyMap<string, Point>,
): ClusterLayout {
  if (moved.size === 0) return layout;
  const move = (placed: ReadonlyMap<string, Point>) =>
    new Map([...placed].map(([id, p]): [string, Point] => [id, moved.get(id) ?? p]));
  const endpoints = new Map(
    [...layout.endpoints].map(([id, e]): [string, Endpoint] => {
      const p = moved.get(id);
      return [id, p ? { ...e, x: p.x, y: p.y } : e];
    }),
  );
  return {
    ...layout,
    replicas: move(layout.replicas),
    monitors: move(layout.monitors),
    clients: move(layout.clients),
    endpoints,
  };
}
