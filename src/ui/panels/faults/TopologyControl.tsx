/**
 * Multi-leader only: the operator's two steps. Re-route replication (a ring around a failed
 * leader, a new hub for a star) and, with conflict avoidance, move a key's home leader. Each is
 * recorded as one command per leader at the current time, like the scenario's timeline steps.
 */
import { useState } from 'react';
import type { ReplicaState } from '../../../store/store';
import {
  readTopology,
  setTopologyInputs,
  type TopologyKind,
  topologyFieldLabel,
  topologyHint,
} from '../../../store/topologyInputs';
import { useReplica, useReplicaStore } from '../../StoreContext';
import { ActionButton } from './ActionButton';
import { HomeForm } from './HomeForm';
import { SelectField } from './SelectField';
import { FieldError, TextField } from './TextField';
import { useFieldError } from './useFieldError';

const selectScenario = (s: ReplicaState) => s.scenario;

const KINDS: Array<{ value: TopologyKind; label: string }> = [
  { value: 'all-to-all', label: 'all-to-all' },
  { value: 'circular', label: 'circular' },
  { value: 'star', label: 'star' },
  { value: 'custom', label: 'custom links' },
];

export function TopologyControl() {
  const scenario = useReplica(selectScenario);
  if (scenario.protocol !== 'multi-leader') return null;
  const leaders = scenario.cluster.datacenters.map((dc) => dc.leader);
  return (
    <>
      <RerouteForm leaders={leaders} />
      {scenario.cluster.conflicts === 'home-leader' && <HomeForm leaders={leaders} />}
    </>
  );
}

/** A starting entry for a topology of this kind, over the cluster's own leaders. */
function exampleFor(kind: TopologyKind, leaders: readonly string[]): string {
  if (kind === 'star') return leaders[0] ?? '';
  if (kind === 'custom') return leaders.slice(0, 2).join(' > ');
  return leaders.join(', ');
}

function RerouteForm({ leaders }: { leaders: string[] }) {
  const store = useReplicaStore();
  const [kind, setKind] = useState<TopologyKind>('circular');
  const [text, setText] = useState(leaders.join(', '));
  const error = useFieldError<'leaders'>();
  const apply = () => {
    const read = readTopology(kind, text, leaders);
    if (!read.ok) return error.fail('leaders', read.message);
    error.clear();
    store
      .getState()
      .injectAll(setTopologyInputs(leaders, read.topology).map((input) => ({ input })));
  };
  return (
    <fieldset className="fault-group">
      <legend className="fault-group__legend">Topology</legend>
      <div className="fault-row">
        <SelectField
          label="Topology"
          title="Which leaders send their changes to which: every one to every other, round a one-way ring, through a hub, or along links you list."
          value={kind}
          options={KINDS}
          onChange={(value) => {
            setKind(value as TopologyKind);
            setText(exampleFor(value as TopologyKind, leaders));
            error.clear();
          }}
        />
        {kind !== 'all-to-all' && (
          <TextField
            label={topologyFieldLabel[kind]}
            title={`The leaders the new topology joins: ${topologyHint(kind)}.`}
            value={text}
            onChange={setText}
            errorId={error.errorIdFor('leaders')}
          />
        )}
        <ActionButton
          title="Every leader that is up switches to this topology now, hands what it owed a dropped target to its new ones, and catches them up."
          onClick={apply}
        >
          Re-route
        </ActionButton>
      </div>
      <FieldError id={error.id} message={error.message} />
    </fieldset>
  );
}
