/**
 * Cascading replication by hand: make the selected follower replicate from another follower, or
 * from the leader again. Recorded as inputs of the run at the current time (one command to every
 * replica, as a scenario's `set-upstream` step is).
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ReplicaState } from '../../../store/store';
import { upstreamInputs } from '../../../store/upstreamInputs';
import { useReplica, useReplicaStore } from '../../StoreContext';
import { ActionButton } from './ActionButton';
import { SelectField } from './SelectField';
import { selectReplicaIds } from './selectors';

/** Picker value for "the leader", as no node id can be empty. */
const LEADER = '';

/** The follower's upstream (LEADER for none); undefined when it is no single-leader follower. */
const selectUpstream = (node: string) => (s: ReplicaState) => {
  const view = s.view.nodes.find((n) => n.id === node);
  if (s.scenario.protocol !== 'single-leader' || view === undefined) return undefined;
  return view.role !== 'follower' ? undefined : (view.depth.upstream ?? LEADER);
};

export function UpstreamControl({ node }: { node: string }) {
  const store = useReplicaStore();
  const replicas = useReplica(useShallow(selectReplicaIds));
  const current = useReplica(selectUpstream(node));
  const [choice, setChoice] = useState(LEADER);
  if (current === undefined) return null;
  const options = [
    { value: LEADER, label: 'the leader' },
    ...replicas.filter((id) => id !== node).map((id) => ({ value: id, label: id })),
  ];
  // A loop or an unknown node is refused by the store, with a notice naming the field.
  const apply = () => {
    const upstream = choice === LEADER ? null : choice;
    store
      .getState()
      .injectAll(upstreamInputs(replicas, node, upstream).map((input) => ({ input })));
  };
  return (
    <fieldset className="fault-group">
      <legend className="fault-group__legend">Where {node} replicates from</legend>
      <div className="fault-row">
        <SelectField
          label="Replicate from"
          title="Cascading replication: a follower may get the leader's log relayed by another follower, one hop further."
          value={choice}
          options={options}
          onChange={setChoice}
        />
        <ActionButton
          title="From now on, this follower replicates from the chosen node, as an input of the run."
          onClick={apply}
        >
          Set upstream
        </ActionButton>
      </div>
      <p className="fault-status">
        {current === LEADER
          ? `${node} replicates from the leader.`
          : `${node} replicates from ${current}.`}
      </p>
    </fieldset>
  );
}
