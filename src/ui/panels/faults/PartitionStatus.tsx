/**
 * The links cut right now, read from the view: each pair once, one-way cuts with an arrow,
 * and a button to heal each on its own.
 */
import { type CutLink, cutLinks } from '../../../store/faultInputs';
import type { ReplicaState } from '../../../store/store';
import { useReplica, useReplicaStore } from '../../StoreContext';
import { ActionButton } from './ActionButton';

// One string for the whole list, so the status re-renders only when the cuts change.
const selectCutsKey = (s: ReplicaState) =>
  cutLinks(s.view.links)
    .map((c) => `${c.from}\t${c.to}\t${c.bothWays ? 'both' : 'one'}`)
    .join('\n');

function parseCuts(key: string): CutLink[] {
  if (key === '') return [];
  return key.split('\n').map((line) => {
    const [from = '', to = '', ways] = line.split('\t');
    return { from, to, bothWays: ways === 'both' };
  });
}

export function PartitionStatus() {
  const store = useReplicaStore();
  const cuts = parseCuts(useReplica(selectCutsKey));
  if (cuts.length === 0) return <p className="fault-status">No links are cut.</p>;
  return (
    <ul className="fault-cuts" aria-label="Cut links">
      {cuts.map(({ from, to, bothWays }) => (
        <li key={`${from}\t${to}`}>
          <span>{bothWays ? `${from} ✕ ${to}` : `${from} → ${to} cut`}</span>
          <ActionButton
            title="Reconnect this one link, both ways, from now on; other cuts stay."
            onClick={() => store.getState().inject({ type: 'heal', between: [[from], [to]] })}
          >
            Heal {from}–{to}
          </ActionButton>
        </li>
      ))}
    </ul>
  );
}
