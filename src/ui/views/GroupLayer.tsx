/** Frames around groups of nodes (datacenters, data partitions), drawn under everything else. */
import { memo } from 'react';
import type { GroupFrame } from './clusterLayout';

export const GroupLayer = memo(function GroupLayer({ groups }: { groups: readonly GroupFrame[] }) {
  return (
    <g className="cluster__groups">
      {groups.map((g) => (
        <g key={g.id} className="group">
          <rect x={g.x} y={g.y} width={g.width} height={g.height} rx={18} />
          <text x={g.x + 16} y={g.y + 24}>
            {g.label}
          </text>
        </g>
      ))}
    </g>
  );
});
