/**
 * The lane names down the left: each a button that selects its node or client, lit up when
 * that node or client is hovered or selected in any view (and its lane with it, on the plot).
 * Thin lanes keep the button (and its tooltip) but hide the text.
 */
import type { ReplicaState } from '../../../store/store';
import { useReplica, useReplicaStore } from '../../StoreContext';
import type { LaneLayout } from './lanes';

const laneTarget = (s: ReplicaState['hover']) =>
  s !== null && (s.kind === 'node' || s.kind === 'client') ? s.id : null;
const selectHovered = (s: ReplicaState) => laneTarget(s.hover);
const selectSelected = (s: ReplicaState) => laneTarget(s.selection);

export function LaneLabels({ lanes }: { lanes: LaneLayout }) {
  const store = useReplicaStore();
  const hovered = useReplica(selectHovered);
  const selected = useReplica(selectSelected);
  const height = Math.max(lanes.laneHeightPx, 6);
  return (
    <ul className={`spacetime__lanes${lanes.showLabels ? '' : ' spacetime__lanes--compact'}`}>
      {lanes.lanes.map((lane) => {
        const lit =
          lane.id === hovered ? ' is-hovered' : lane.id === selected ? ' is-selected' : '';
        const what = lane.kind === 'client' ? 'client' : lane.isMonitor ? 'monitor' : 'node';
        return (
          <li key={lane.id} style={{ top: lane.y - height / 2, height }}>
            <button
              type="button"
              className={`spacetime__lane spacetime__lane--${lane.kind}${lit}`}
              aria-label={`Lane ${lane.id}`}
              aria-pressed={lane.id === selected}
              title={`${lane.id} (${what}): its lane shows what it sends and receives over time. Click to select it, again to let go.`}
              onClick={() =>
                store
                  .getState()
                  .select(lane.id === selected ? null : { kind: lane.kind, id: lane.id })
              }
              onPointerEnter={() => store.getState().setHover({ kind: lane.kind, id: lane.id })}
              onPointerLeave={() => store.getState().setHover(null)}
            >
              {lane.id}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Bands behind the hovered and the selected lane, drawn in the plot's SVG overlay. */
export function LaneHighlights({ lanes }: { lanes: LaneLayout }) {
  const hovered = useReplica(selectHovered);
  const selected = useReplica(selectSelected);
  const band = (id: string | null, className: string) => {
    const lane = id === null ? undefined : lanes.lanes.find((l) => l.id === id);
    if (lane === undefined) return null;
    const height = Math.max(lanes.laneHeightPx, 4);
    return (
      <rect className={className} x={0} width="100%" y={lane.y - height / 2} height={height} />
    );
  };
  return (
    <g>
      {band(selected, 'spacetime__lane-band spacetime__lane-band--selected')}
      {band(hovered, 'spacetime__lane-band')}
    </g>
  );
}
