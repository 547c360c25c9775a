/**
 * One client session along the bottom: its id, and what it is waiting for. A real `<button>`
 * (in a foreignObject) makes it focusable and names it; pressing it selects the client for the
 * inspector.
 */
import { memo } from 'react';
import type { ReplicaState } from '../../store/store';
import { useReplica } from '../StoreContext';
import { CLIENT_HEIGHT, CLIENT_WIDTH, type Point } from './clusterLayout';

function selectPendingOp(id: string) {
  return (state: ReplicaState): string | null => {
    const pending = state.view.clients.find((c) => c.id === id)?.pending;
    return pending ? pending.f : null;
  };
}

/** E.g. "user-1234, client, waiting for a write". */
export function clientAccessibleName(id: string, pending: string | null): string {
  return `${id}, client, ${pending ? `waiting for a ${pending}` : 'idle'}`;
}

export const ClientMark = memo(function ClientMark({
  id,
  at,
  selected,
  onSelect,
}: {
  id: string;
  at: Point;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const pending = useReplica(selectPendingOp(id));
  const name = clientAccessibleName(id, pending);
  return (
    <g
      className={`client${pending ? ' client--waiting' : ''}${selected ? ' client--selected' : ''}`}
      transform={`translate(${at.x},${at.y})`}
    >
      <rect
        x={-CLIENT_WIDTH / 2}
        y={-CLIENT_HEIGHT / 2}
        width={CLIENT_WIDTH}
        height={CLIENT_HEIGHT}
        rx={8}
      />
      <text className="client__id" y={5}>
        {id}
      </text>
      <text className="client__status" y={CLIENT_HEIGHT / 2 + 15}>
        {pending ? `waiting: ${pending}` : 'idle'}
      </text>
      <foreignObject
        x={-CLIENT_WIDTH / 2}
        y={-CLIENT_HEIGHT / 2}
        width={CLIENT_WIDTH}
        height={CLIENT_HEIGHT}
      >
        <button
          type="button"
          className="node__hit"
          aria-label={name}
          aria-pressed={selected}
          title={`${name}. Select to see its session and history.`}
          onClick={() => onSelect(id)}
        />
      </foreignObject>
    </g>
  );
});
