/** One client session along the bottom: its id, and what it is waiting for. */
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

export const ClientMark = memo(function ClientMark({ id, at }: { id: string; at: Point }) {
  const pending = useReplica(selectPendingOp(id));
  return (
    <g
      className={`client${pending ? ' client--waiting' : ''}`}
      transform={`translate(${at.x},${at.y})`}
    >
      <title>{pending ? `${id}: waiting for a ${pending}` : `${id}: idle`}</title>
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
    </g>
  );
});
