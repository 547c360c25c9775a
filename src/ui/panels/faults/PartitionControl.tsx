/**
 * Network partitions: put ends on side A or B and cut between them (both ways or one way),
 * isolate the selected node, heal everything; and the links that are cut now.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { partitionInput } from '../../../store/faultInputs';
import { useReplica, useReplicaStore } from '../../StoreContext';
import { ActionButton } from './ActionButton';
import { CheckField } from './CheckField';
import { PartitionStatus } from './PartitionStatus';
import { selectClientIds, selectNodeIds, selectSelectedNodeId } from './selectors';
import { FieldError } from './TextField';
import { useFieldError } from './useFieldError';

export function PartitionControl() {
  const store = useReplicaStore();
  const nodes = useReplica(useShallow(selectNodeIds));
  const clients = useReplica(useShallow(selectClientIds));
  const selected = useReplica(selectSelectedNodeId);
  const [sideB, setSideB] = useState<ReadonlySet<string>>(new Set());
  const [oneWay, setOneWay] = useState(false);
  const error = useFieldError<'sides'>();
  const ends = [...nodes, ...clients];

  const toggle = (id: string, onB: boolean) => {
    const next = new Set(sideB);
    if (onB) next.add(id);
    else next.delete(id);
    setSideB(next);
  };
  const cut = () => {
    const b = ends.filter((id) => sideB.has(id));
    const a = ends.filter((id) => !sideB.has(id));
    if (a.length === 0 || b.length === 0) {
      return error.fail('sides', 'Side B: tick at least one end for side B, and leave one on A.');
    }
    error.clear();
    store.getState().inject(partitionInput(a, b, oneWay));
  };
  const isolate = () => {
    if (selected === null) return;
    error.clear();
    const others = ends.filter((id) => id !== selected);
    store.getState().inject(partitionInput([selected], others, false));
  };

  return (
    <fieldset className="fault-group">
      <legend className="fault-group__legend">Partition</legend>
      <fieldset className="fault-sides" aria-describedby={error.errorIdFor('sides')}>
        <legend className="fault-sides__legend">Side B (unticked ends are on side A)</legend>
        {ends.map((id) => (
          <CheckField
            key={id}
            title={`Tick to put ${id} on side B; unticked ends are on side A.`}
            checked={sideB.has(id)}
            onChange={(checked) => toggle(id, checked)}
          >
            {id} on side B
          </CheckField>
        ))}
      </fieldset>
      <div className="fault-row">
        <CheckField
          title="Lose only messages from side A to side B; B can still reach A (a one-way partition)."
          checked={oneWay}
          onChange={(checked) => setOneWay(checked)}
        >
          One-way, A to B only
        </CheckField>
      </div>
      <div className="fault-row">
        <ActionButton
          danger
          title="Cut every link between side A and side B: messages on them are dropped until healed."
          onClick={cut}
        >
          Cut links
        </ActionButton>
        <ActionButton
          danger
          title="Cut the selected node off from every other node and client, both ways."
          disabled={selected === null}
          onClick={isolate}
        >
          Isolate selected node
        </ActionButton>
        <ActionButton
          title="Reconnect every cut link, in both directions, from now on."
          onClick={() => store.getState().inject({ type: 'heal' })}
        >
          Heal all
        </ActionButton>
      </div>
      <FieldError id={error.id} message={error.message} />
      <PartitionStatus />
    </fieldset>
  );
}
