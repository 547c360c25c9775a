/**
 * The writes of one key and how they are ordered: a small graph (a column per client, a row per
 * write, an arrow from each write to the writes that overwrote it) and the same in words. Writes
 * still kept as siblings are ringed; writes last-write-wins discarded are struck through.
 */
import { useId } from 'react';
import { leaderlessValueText } from '../../../store/families/leaderlessValueText';
import type { VersionGraph } from '../../../store/families/leaderlessVersions';
import { placeWrites, versionLine } from './versionText';

const R = 15;

export function VersionGraphView({ graph }: { graph: VersionGraph }) {
  const markerId = useId();
  if (graph.writes.length === 0) {
    return <p className="panel__empty">No writes of {graph.key} yet.</p>;
  }
  const { placed, clients, width, height } = placeWrites(graph.writes);
  const at = new Map(placed.map((p) => [p.node.dot, p]));
  return (
    <div className="versions">
      <svg
        className="versions__graph"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        aria-hidden="true"
      >
        <defs>
          <marker
            id={markerId}
            viewBox="0 0 8 8"
            refX="7"
            refY="4"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0L8,4L0,8z" className="versions__arrowhead" />
          </marker>
        </defs>
        {clients.map((c, i) => (
          <text
            key={c}
            className="versions__client"
            x={placed.find((p) => p.node.client === c)?.x ?? 0}
            y={12}
          >
            {c}
            <title>{`Column ${i + 1}: writes by ${c}`}</title>
          </text>
        ))}
        {placed.flatMap((p) =>
          p.node.after.map((dot) => {
            const from = at.get(dot);
            if (from === undefined) return null;
            const dx = p.x - from.x;
            const dy = p.y - from.y;
            const len = Math.hypot(dx, dy) || 1;
            return (
              <line
                key={`${dot}>${p.node.dot}`}
                className="versions__edge"
                x1={from.x + (dx / len) * R}
                y1={from.y + (dy / len) * R}
                x2={p.x - (dx / len) * (R + 2)}
                y2={p.y - (dy / len) * (R + 2)}
                markerEnd={`url(#${markerId})`}
              />
            );
          }),
        )}
        {placed.map((p) => {
          const state =
            p.node.discardedFor !== undefined
              ? 'lost'
              : p.node.sibling !== undefined
                ? 'sibling'
                : 'old';
          return (
            <g
              key={p.node.dot}
              className={`versions__write versions__write--${state}`}
              transform={`translate(${p.x},${p.y})`}
            >
              <circle r={R} />
              <text y={3.5}>{p.node.dot}</text>
              <title>{versionLine(p.node, leaderlessValueText)}</title>
            </g>
          );
        })}
      </svg>
      <ol className="versions__list" aria-label={`Versions of ${graph.key}`}>
        {graph.writes.map((w) => (
          <li
            key={w.dot}
            className={w.sibling !== undefined ? 'versions__item--sibling' : undefined}
          >
            {versionLine(w, leaderlessValueText)}
          </li>
        ))}
      </ol>
    </div>
  );
}
