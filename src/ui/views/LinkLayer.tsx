/**
 * The links messages travel along, drawn with their state: latency labels on small clusters,
 * slow links thick and amber, partitioned links cut in the middle (a one-way cut says which
 * way). A multi-leader cluster draws its replication routes instead of every replica link:
 * arrows from each leader to those it sends changes to, and to its followers. The view keeps
 * the same links and routes arrays until they change, so this re-renders only then, not per
 * frame.
 */
import { memo, useId, useMemo } from 'react';
import type { ReplicaState } from '../../store/store';
import type { LinkView } from '../../store/view';
import { useReplica } from '../StoreContext';
import type { ClusterLayout, Endpoint, Link, LinkKind, Point } from './clusterLayout';
import { directionKey, type LinkLooks, linkLooks } from './linkLooks';
import { routeLinks, slowAgainstScenario } from './routeLinks';

/** Up to this many replicas every replica link shows its latency; beyond, only unusual ones. */
const LABEL_ALL_UP_TO = 6;
/** Half the gap left in the middle of a cut link. */
const CUT_GAP = 9;

const selectLinks = (s: ReplicaState) => s.view.links;
const selectRoutes = (s: ReplicaState) => s.view.routes;

/** Which ends of a line carry an arrowhead (changes flow towards them); none for plain links. */
interface Heads {
  atA: boolean;
  atB: boolean;
}

/** A line to draw: its ends (for their positions and radii), kind, state and arrowheads. */
interface Drawn {
  key: string;
  kind: LinkKind | 'route' | 'route-follower';
  a: Endpoint;
  b: Endpoint;
  looks: LinkLooks;
  heads: Heads | null;
}

function LinkLabel({ at, looks }: { at: Point; looks: LinkLooks }) {
  if (looks.label === null) return null;
  const width = 10 + looks.label.length * 6.4;
  const tone = looks.cut || looks.cutOneWay ? 'cut' : looks.slow ? 'slow' : 'plain';
  return (
    <g className={`link-label link-label--${tone}`} transform={`translate(${at.x},${at.y})`}>
      <rect x={-width / 2} y={-9} width={width} height={18} rx={9} />
      <text y={4}>{looks.label}</text>
    </g>
  );
}

function LinkMark({ drawn, markerId }: { drawn: Drawn; markerId: string }) {
  const { a: from, b: to, looks, heads } = drawn;
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const ux = (to.x - from.x) / length;
  const uy = (to.y - from.y) / length;
  // An arrow stops at the node's rim, so its head is seen and not hidden under the node.
  const a = heads ? { x: from.x + ux * from.radius, y: from.y + uy * from.radius } : from;
  const b = heads ? { x: to.x - ux * to.radius, y: to.y - uy * to.radius } : to;
  const mid = midpoint(a, b);
  const state = looks.cut
    ? ' link--cut'
    : looks.cutOneWay
      ? ' link--cut-oneway'
      : looks.slow
        ? ' link--slow'
        : '';
  const className = `link link--${drawn.kind}${state}`;
  // A cut link is two stubs with a gap: the picture of a wire that no longer connects.
  const segments =
    looks.cut || looks.cutOneWay
      ? [
          [a, { x: mid.x - ux * CUT_GAP, y: mid.y - uy * CUT_GAP }],
          [{ x: mid.x + ux * CUT_GAP, y: mid.y + uy * CUT_GAP }, b],
        ]
      : [[a, b]];
  const last = segments.length - 1;
  return (
    <g>
      <title>{looks.description}</title>
      {segments.map(([p, q], i) => (
        <line
          key={`${p?.x},${p?.y}`}
          className={className}
          x1={p?.x}
          y1={p?.y}
          x2={q?.x}
          y2={q?.y}
          markerStart={i === 0 && heads?.atA ? `url(#${markerId})` : undefined}
          markerEnd={i === last && heads?.atB ? `url(#${markerId})` : undefined}
        />
      ))}
    </g>
  );
}

const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * Where a line's label sits: its middle, except on routes between leaders, whose labels sit a
 * little towards their first end, so the two diagonals of four datacenters on a ring, which
 * cross in their middles, do not stack their labels.
 */
function labelAt({ a, b, kind }: Drawn): Point {
  const f = kind === 'route' ? 0.4 : 0.5;
  return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
}

export const LinkLayer = memo(function LinkLayer({ layout }: { layout: ClusterLayout }) {
  const links = useReplica(selectLinks);
  const routes = useReplica(selectRoutes);
  const markerId = useId();
  const directions = useMemo(() => {
    const byKey = new Map<string, LinkView>();
    for (const l of links) byKey.set(directionKey(l.from, l.to), l);
    return byKey;
  }, [links]);
  const showLatency = layout.replicas.size <= LABEL_ALL_UP_TO;

  const plain = routes.length > 0 ? layout.links.filter((l) => l.kind !== 'replica') : layout.links;
  const drawn = [
    ...plain.map((link: Link) => ({ ...link, heads: null, routed: false })),
    ...routeLinks(routes).map((r) => ({
      a: r.a,
      b: r.b,
      kind: r.kind === 'leader' ? ('route' as const) : ('route-follower' as const),
      heads: { atA: r.toA, atB: r.toB },
      routed: true,
    })),
  ].flatMap((link): Drawn[] => {
    const a = layout.endpoints.get(link.a);
    const b = layout.endpoints.get(link.b);
    const ab = directions.get(directionKey(link.a, link.b));
    const ba = directions.get(directionKey(link.b, link.a));
    if (a === undefined || b === undefined || ab === undefined || ba === undefined) return [];
    const looks = link.routed
      ? linkLooks(slowAgainstScenario(ab), slowAgainstScenario(ba), showLatency)
      : linkLooks(ab, ba, showLatency && link.kind === 'replica');
    return [{ key: `${link.a}|${link.b}`, kind: link.kind, a, b, looks, heads: link.heads }];
  });
  return (
    <g className="cluster__links">
      <defs>
        <marker
          id={markerId}
          className="link-arrowhead"
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={7}
          markerHeight={7}
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" />
        </marker>
      </defs>
      {drawn.map((d) => (
        <LinkMark key={d.key} drawn={d} markerId={markerId} />
      ))}
      {/* Labels after every line, so that no line crosses a label. */}
      {drawn.map((d) => (
        <LinkLabel key={d.key} at={labelAt(d)} looks={d.looks} />
      ))}
    </g>
  );
});
