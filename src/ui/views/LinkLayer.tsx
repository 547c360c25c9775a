/** The faint lines messages travel along. Static for a given layout, so it renders rarely. */
import { memo } from 'react';
import type { ClusterLayout } from './clusterLayout';

export const LinkLayer = memo(function LinkLayer({ layout }: { layout: ClusterLayout }) {
  return (
    <g className="cluster__links">
      {layout.links.map((link) => {
        const a = layout.endpoints.get(link.a);
        const b = layout.endpoints.get(link.b);
        if (a === undefined || b === undefined) return null;
        return (
          <line
            key={`${link.a}|${link.b}`}
            className={`link link--${link.kind}`}
            x1={a.x}
            y1={a.y}
            x2={b.x}
            y2={b.y}
          />
        );
      })}
    </g>
  );
});
