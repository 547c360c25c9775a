/**
 * One replica or monitor: its shape tells the role, its outline the lifecycle, badges the
 * follower mode and lag. Its HitButton makes it focusable and named; pressing it selects the node
 * for the inspector.
 */
import { line } from 'd3';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { quorumRole } from '../../store/families/leaderlessQuorum';
import type { ReplicaState } from '../../store/store';
import { useReplica } from '../StoreContext';
import { NODE_RADIUS } from './clusterLayout';
import { HitButton, type MarkProps } from './HitButton';
import {
  isTransitional,
  lifecycleWords,
  type NodeSummary,
  nodeAccessibleName,
  summarize,
} from './nodeLabel';
import { pillRow } from './pills';
import { parkedPill, quorumPill, quorumWords } from './quorumLook';

const R = NODE_RADIUS;
const HIT_WIDTH = 132;
const HIT_TOP = -R - 6;
const HIT_HEIGHT = 2 * R + 56;
/** A heartbeat trace: the monitor's only job is to watch the others' pulse. */
const PULSE_PATH =
  line()([
    [-16, 2],
    [-7, 2],
    [-3, -10],
    [2, 12],
    [6, 2],
    [16, 2],
  ]) ?? '';

type Pill = { text: string; tone: string };

function selectSummary(id: string) {
  return (state: ReplicaState): (NodeSummary & { chart: string }) | null => {
    const node = state.view.nodes.find((n) => n.id === id);
    return node ? { ...summarize(node), chart: node.chart } : null;
  };
}

function badges(n: NodeSummary & { chart: string }, extra: ReadonlyArray<Pill | null>) {
  const items: Array<{ text: string; tone: string }> = [];
  if (n.isMonitor) items.push({ text: n.chart.replace(/^failover: /, ''), tone: 'monitor' });
  // Epochs start at 1; a family without them (multi-leader: every datacenter has a leader) says 0.
  else if (n.role === 'leader')
    items.push({ text: n.epoch > 0 ? `leader · epoch ${n.epoch}` : 'leader', tone: 'leader' });
  else items.push({ text: n.role, tone: 'neutral' });
  if (n.mode !== null && !n.isMonitor) items.push({ text: n.mode, tone: n.mode });
  if (n.lifecycle !== 'active')
    items.push({ text: lifecycleWords(n.lifecycle), tone: n.lifecycle });
  for (const pill of extra) if (pill !== null) items.push(pill);
  if (n.depthBadge !== '') items.push({ text: n.depthBadge, tone: n.depthTone });
  return pillRow(items);
}

function NodeShape({ n }: { n: NodeSummary }) {
  if (n.isMonitor) {
    return (
      <>
        <rect className="node__shape" x={-R} y={-R} width={2 * R} height={2 * R} rx={12} />
        <path className="node__pulse" d={PULSE_PATH} />
      </>
    );
  }
  return (
    <>
      <circle className="node__shape" r={R} />
      <text className="node__pos" y={2}>
        {n.figure}
      </text>
      <text className="node__pos-caption" y={16}>
        {n.caption}
      </text>
    </>
  );
}

export const NodeMark = memo(function NodeMark({ id, at, selected, onSelect }: MarkProps) {
  const n = useReplica(useShallow(selectSummary(id)));
  // Leaderless: the node's part in the quorums of the operation being pictured.
  const quorum = useReplica((s) => quorumRole(s.quorumFocus, id));
  if (n === null) return null;
  const down = n.lifecycle === 'down';
  const kind = n.isMonitor ? 'monitor' : n.role === 'leader' ? 'leader' : 'follower';
  const inQuorum = quorumWords(quorum);
  const name = inQuorum === '' ? nodeAccessibleName(n) : `${nodeAccessibleName(n)}, ${inQuorum}`;
  return (
    <g
      className={`node node--${kind}${down ? ' node--down' : ''}${selected ? ' node--selected' : ''}`}
      data-endpoint={id}
      transform={`translate(${at.x},${at.y})`}
    >
      {selected && <circle className="node__selection" r={R + 10} />}
      {isTransitional(n.lifecycle) && <circle className="node__ring" r={R + 5} />}
      {/* A synchronous follower is tied to the leader: the leader waits for it on every write. */}
      {n.mode === 'sync' && !down && <circle className="node__sync-ring" r={R + 4} />}
      {(quorum === 'write' || quorum === 'both') && (
        <circle className="node__quorum node__quorum--write" r={R + 6} />
      )}
      {(quorum === 'read' || quorum === 'both') && (
        <circle className="node__quorum node__quorum--read" r={R + (quorum === 'both' ? 11 : 6)} />
      )}
      <NodeShape n={n} />
      {down && <path className="node__cross" d={`M-16,-16L16,16M16,-16L-16,16`} />}
      {n.lagPositions > 0 && (
        <g className="node__lag" transform={`translate(${R * 0.78},${-R * 0.78})`}>
          <rect x={-15} y={-10} width={30} height={20} rx={10} />
          <text y={4}>−{n.lagPositions}</text>
        </g>
      )}
      <text className="node__id" y={R + 18}>
        {n.id}
      </text>
      <g transform={`translate(0,${R + 26})`}>
        {badges(n, [parkedPill(n.parkedFor), quorumPill(quorum)]).map((p) => (
          <g key={p.text} className={`pill pill--${p.tone}`} transform={`translate(${p.x},0)`}>
            <rect width={p.width} height={17} rx={8.5} />
            <text x={p.width / 2} y={12.5}>
              {p.text}
            </text>
          </g>
        ))}
      </g>
      <HitButton
        id={id}
        name={name}
        selected={selected}
        onSelect={onSelect}
        box={{ x: -HIT_WIDTH / 2, y: HIT_TOP, width: HIT_WIDTH, height: HIT_HEIGHT }}
      />
    </g>
  );
});
