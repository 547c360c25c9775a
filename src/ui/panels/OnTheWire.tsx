/**
 * The messages on the wire to and from a node, each a button that selects it for the
 * inspector: a keyboard's way to a moving message, and a calmer one than chasing the dot.
 */
import { useShallow } from 'zustand/react/shallow';
import type { ReplicaState } from '../../store/store';
import { useReplica, useReplicaStore } from '../StoreContext';

/** At most this many are listed (heartbeats would crowd the rest out of view). */
const SHOWN = 12;

/** `id|label` strings, so that a list whose messages did not change does not re-render. */
const selectOnTheWire = (nodeId: string) => (s: ReplicaState) =>
  s.view.inFlight
    .filter((m) => m.from === nodeId || m.to === nodeId)
    .slice(0, SHOWN)
    .map((m) => `${m.id}|${m.kind} ${m.from} → ${m.to}, message ${m.id}`);

export function OnTheWire({ nodeId }: { nodeId: string }) {
  const store = useReplicaStore();
  const items = useReplica(useShallow(selectOnTheWire(nodeId)));
  if (items.length === 0) return <p className="panel__empty">Nothing on the wire.</p>;
  return (
    <ul className="wire" aria-label={`Messages on the wire to and from ${nodeId}`}>
      {items.map((item) => {
        const [id, label] = item.split('|') as [string, string];
        return (
          <li key={id}>
            <button
              type="button"
              className="wire__message"
              title="Inspect this message: its payload, and whether it arrives"
              onClick={() => store.getState().select({ kind: 'message', id })}
            >
              {label}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
