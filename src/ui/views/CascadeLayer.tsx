/**
 * Cascading replication drawn as direction: an arrow from each upstream follower to the follower
 * that replicates from it, beside the plain link; dashed while the follower has given up on its
 * upstream and polls the leader. Re-renders only when an upstream changes, not per frame.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ReplicaState } from '../../store/store';
import { useReplica } from '../StoreContext';
import { type ClusterLayout, NODE_RADIUS } from './clusterLayout';

/** Sideways shift of the arrow off the plain link, so that both stay visible. */
const OFFSET = 7;
const MARKER_ID = 'cascade-arrowhead';

/** "upstream>follower>lost" for each cascaded follower: flat strings compare cheaply. */
const selectHops = (s: ReplicaState): string[] =>
  s.view.nodes.flatMap((n) =>
    n.depth.upstream === null ? [] : [`${n.depth.upstream}>${n.id}>${n.depth.upstreamLost}`],
  );

export const CascadeLayer = memo(function CascadeLayer({ layout }: { layout: ClusterLayout }) {
  const hops = useReplica(useShallow(selectHops));
  if (hops.length === 0) return null;
  return (
    <g className="cluster__cascade">
      <defs>
        <marker
          id={MARKER_ID}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0L10,5L0,10z" className="cascade__head" />
        </marker>
      </defs>
      {hops.map((hop) => {
        const [from = '', to = '', lost] = hop.split('>');
        const a = layout.endpoints.get(from);
        const b = layout.endpoints.get(to);
        if (a === undefined || b === undefined) return null;
        const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
        const ux = (b.x - a.x) / length;
        const uy = (b.y - a.y) / length;
        const gap = NODE_RADIUS + 6;
        const [ox, oy] = [-uy * OFFSET, ux * OFFSET];
        return (
          <line
            key={hop}
            className={`cascade${lost === 'true' ? ' cascade--lost' : ''}`}
            x1={a.x + ux * gap + ox}
            y1={a.y + uy * gap + oy}
            x2={b.x - ux * gap + ox}
            y2={b.y - uy * gap + oy}
            markerEnd={`url(#${MARKER_ID})`}
          >
            <title>{`${to} replicates from ${from} (cascading)${lost === 'true' ? `; ${to} lost ${from} and polls the leader` : ''}`}</title>
          </line>
        );
      })}
    </g>
  );
});
