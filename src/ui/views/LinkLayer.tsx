/**
 * The links messages travel along, drawn with their state: latency labels on small clusters,
 * slow links thick and amber, partitioned links cut in the middle (a one-way cut says which
 * way). The view keeps the same links array until an input changes a link, so this re-renders
 * only then, not per frame.
 */
import { memo, useMemo } from 'react';
import type { ReplicaState } from '../../store/store';
import type { LinkView } from '../../store/view';
import { useReplica } from '../StoreContext';
import type { ClusterLayout, Link, Point } from './clusterLayout';
import { directionKey, type LinkLooks, linkLooks } from './linkLooks';

/** Up to this many replicas every replica link shows its latency; beyond, only unusual ones. */
const LABEL_ALL_UP_TO = 6;
/** Half the gap left in the middle of a cut link. */
const CUT_GAP = 9;

const selectLinks = (s: ReplicaState) => s.view.links;

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

function LinkMark({ link, a, b, looks }: { link: Link; a: Point; b: Point; looks: LinkLooks }) {
  const mid = midpoint(a, b);
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const ux = (b.x - a.x) / length;
  const uy = (b.y - a.y) / length;
  const state = looks.cut
    ? ' link--cut'
    : looks.cutOneWay
      ? ' link--cut-oneway'
      : looks.slow
        ? ' link--slow'
        : '';
  const className = `link link--${link.kind}${state}`;
  // A cut link is two stubs with a gap: the picture of a wire that no longer connects.
  const segments =
    looks.cut || looks.cutOneWay
      ? [
          [a, { x: mid.x - ux * CUT_GAP, y: mid.y - uy * CUT_GAP }],
          [{ x: mid.x + ux * CUT_GAP, y: mid.y + uy * CUT_GAP }, b],
        ]
      : [[a, b]];
  return (
    <g>
      <title>{looks.description}</title>
      {segments.map(([p, q]) => (
        <line
          key={`${p?.x},${p?.y}`}
          className={className}
          x1={p?.x}
          y1={p?.y}
          x2={q?.x}
          y2={q?.y}
        />
      ))}
    </g>
  );
}

const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

export const LinkLayer = memo(function LinkLayer({ layout }: { layout: ClusterLayout }) {
  const links = useReplica(selectLinks);
  const directions = useMemo(() => {
    const byKey = new Map<string, LinkView>();
    for (const l of links) byKey.set(directionKey(l.from, l.to), l);
    return byKey;
  }, [links]);
  const showLatency = layout.replicas.size <= LABEL_ALL_UP_TO;

  const drawn = layout.links.flatMap((link) => {
    const a = layout.endpoints.get(link.a);
    const b = layout.endpoints.get(link.b);
    const ab = directions.get(directionKey(link.a, link.b));
    const ba = directions.get(directionKey(link.b, link.a));
    if (a === undefined || b === undefined || ab === undefined || ba === undefined) return [];
    const looks = linkLooks(ab, ba, showLatency && link.kind === 'replica');
    return [{ key: `${link.a}|${link.b}`, link, a, b, looks }];
  });
  return (
    <g className="cluster__links">
      {drawn.map(({ key, link, a, b, looks }) => (
        <LinkMark key={key} link={link} a={a} b={b} looks={looks} />
      ))}
      {/* Labels after every line, so that no line crosses a label. */}
      {drawn.map(({ key, a, b, looks }) => (
        <LinkLabel key={key} at={midpoint(a, b)} looks={looks} />
      ))}
    </g>
  );
});
