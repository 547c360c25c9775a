/** Each client's pending operation, and the most recent completed operations. */
import { useShallow } from 'zustand/react/shallow';
import type { ReplicaState } from '../../store/store';
import { formatCompletion, formatPending, recentCompletions } from '../format';
import { useReplica } from '../StoreContext';
import { ClientOps } from './faults/ClientOps';
import './panels.css';

const HISTORY_SHOWN = 8;

const selectClientIds = (s: ReplicaState) => s.view.clients.map((c) => c.id);
// A string, so that a client whose wait has not changed does not re-render.
const selectPendingText = (id: string) => (s: ReplicaState) => {
  const client = s.view.clients.find((c) => c.id === id);
  if (!client?.pending) return null;
  const queued = client.queued > 0 ? ` (+${client.queued} queued)` : '';
  return `${formatPending(client.pending)}${queued}`;
};
// History entries keep their identity between views, so a shallow compare is enough.
const selectRecent = (s: ReplicaState) => recentCompletions(s.view.history, HISTORY_SHOWN);

function ClientRow({ id }: { id: string }) {
  const pending = useReplica(selectPendingText(id));
  return (
    <li>
      <span className="clients__id">{id}</span>
      <span className={pending ? 'clients__pending' : 'clients__idle'}>{pending ?? 'idle'}</span>
    </li>
  );
}

export function ClientsPanel() {
  const clients = useReplica(useShallow(selectClientIds));
  const recent = useReplica(useShallow(selectRecent));
  return (
    <section className="panel clients" aria-labelledby="clients-heading">
      <h2 id="clients-heading" className="panel__title">
        Clients
      </h2>
      {clients.length === 0 ? (
        <p className="panel__empty">No clients in this scenario.</p>
      ) : (
        <ul className="clients__list" aria-label="Pending operations">
          {clients.map((id) => (
            <ClientRow key={id} id={id} />
          ))}
        </ul>
      )}
      <ClientOps />
      <h3 className="panel__subtitle">Recent operations</h3>
      {recent.length === 0 ? (
        <p className="panel__empty">None completed yet.</p>
      ) : (
        <ol className="history" aria-label="Recent operations">
          {recent.map((op) => (
            <li key={op.index} className={`history__op history__op--${op.type}`}>
              <span>{formatCompletion(op)}</span>
              <span className="history__meta">
                at {op.time} ms{op.node ? ` · answered by ${op.node}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
