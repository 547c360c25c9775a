/**
 * One client session along the bottom: its id, and what it is waiting for. Its HitButton makes
 * it focusable and named; pressing it selects the client for the inspector.
 */
import { memo } from 'react';
import type { ReplicaState } from '../../store/store';
import { useReplica } from '../StoreContext';
import { CLIENT_HEIGHT, CLIENT_WIDTH } from './clusterLayout';
import { HitButton, type MarkProps } from './HitButton';

function selectPendingOp(id: string) {
  return (state: ReplicaState): string | null => {
    const client = state.view.clients.find((c) => c.id === id);
    const pending = client?.pending;
    if (!pending) return null;
    const more = client.queued > 0 ? ` (+${client.queued} queued)` : '';
    return `${pending.f} ${pending.key} at ${pending.target}${more}`;
  };
}

export const ClientMark = memo(function ClientMark({ id, at, selected, onSelect }: MarkProps) {
  const pending = useReplica(selectPendingOp(id));
  const name = pending ? `${id}, client, waiting: ${pending}` : `${id}, client, idle`;
  return (
    <g
      className={`client${pending ? ' client--waiting' : ''}${selected ? ' client--selected' : ''}`}
      data-endpoint={id}
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
      <HitButton
        id={id}
        name={name}
        selected={selected}
        onSelect={onSelect}
        box={{
          x: -CLIENT_WIDTH / 2,
          y: -CLIENT_HEIGHT / 2,
          width: CLIENT_WIDTH,
          height: CLIENT_HEIGHT + 20,
        }}
      />
    </g>
  );
});
