/**
 * Multi-leader only: cut one datacenter off from the others in one step — its nodes and the
 * clients near it on one side, everything else on the other. "Heal all" under Partition mends it.
 */
import { useState } from 'react';
import { partitionInput } from '../../../store/faultInputs';
import { datacenterEnds } from '../../../store/nodeGroups';
import type { ReplicaState } from '../../../store/store';
import { useReplica, useReplicaStore } from '../../StoreContext';
import { ActionButton } from './ActionButton';
import { SelectField } from './SelectField';

const selectScenario = (s: ReplicaState) => s.scenario;

export function DatacenterPartition() {
  const store = useReplicaStore();
  const groups = datacenterEnds(useReplica(selectScenario));
  const [chosen, setChosen] = useState(groups[0]?.id ?? '');
  if (groups.length < 2) return null;
  const cut = () => {
    const side = groups.find((g) => g.id === chosen) ?? groups[0];
    if (side === undefined) return;
    const rest = groups.filter((g) => g !== side).flatMap((g) => g.ends);
    store.getState().inject(partitionInput(side.ends, rest, false));
  };
  return (
    <fieldset className="fault-group">
      <legend className="fault-group__legend">Datacenters</legend>
      <div className="fault-row">
        <SelectField
          label="Datacenter"
          title="The datacenter to cut off: its leader, its followers and the clients near it."
          value={chosen}
          options={groups.map((g) => g.id)}
          onChange={setChosen}
        />
        <ActionButton
          danger
          title="Cut every link between this datacenter (nodes and nearby clients) and the others, both ways; inside each datacenter everything still works."
          onClick={cut}
        >
          Cut off datacenter
        </ActionButton>
      </div>
    </fieldset>
  );
}
