/**
 * A lag spike on the selected node: all its links become several times slower now, and are
 * scheduled to return to the scenario's latency after a while. Both halves are recorded
 * inputs, so the spike and its end replay exactly; "End lag spike" ends it early.
 */
import { useState } from 'react';
import { changedLinks, lagSpikeInputs, restoreLatencyInputs } from '../../../store/faultInputs';
import { MAX_FAULT_MS } from '../../../store/inputProblem';
import type { ReplicaState } from '../../../store/store';
import { useReplica, useReplicaStore } from '../../StoreContext';
import { ActionButton } from './ActionButton';
import { parseFactor, parseWholeMs } from './parseField';
import { FieldError, TextField } from './TextField';
import { useFieldError } from './useFieldError';

const FACTOR_LABEL = 'Spike factor';
const DURATION_LABEL = 'Spike duration (ms)';
const MAX_FACTOR = 100;

const selectChangedCount = (node: string) => (s: ReplicaState) =>
  changedLinks(s.view.links, node).length;

export function LagSpikeControl({ node }: { node: string }) {
  const store = useReplicaStore();
  const [factor, setFactor] = useState('10');
  const [duration, setDuration] = useState('1000');
  const error = useFieldError<'factor' | 'duration'>();
  const changed = useReplica(selectChangedCount(node));

  const spike = () => {
    const times = parseFactor(FACTOR_LABEL, factor, 1, MAX_FACTOR);
    if (!times.ok) return error.fail('factor', times.message);
    const ms = parseWholeMs(DURATION_LABEL, duration, 1, MAX_FAULT_MS);
    if (!ms.ok) return error.fail('duration', ms.message);
    error.clear();
    const { view, injectAll } = store.getState();
    injectAll(lagSpikeInputs(view.links, node, times.value, ms.value));
  };
  const end = () => {
    const { view, injectAll } = store.getState();
    injectAll(restoreLatencyInputs(view.links, node));
  };

  return (
    <fieldset className="fault-group">
      <legend className="fault-group__legend">Lag spike on {node}</legend>
      <div className="fault-row">
        <TextField
          label={FACTOR_LABEL}
          title="How many times slower every link of the node becomes during the spike."
          numeric
          value={factor}
          onChange={setFactor}
          errorId={error.errorIdFor('factor')}
        />
        <TextField
          label={DURATION_LABEL}
          title="How long the spike lasts before the links return to the scenario's latency."
          numeric
          value={duration}
          onChange={setDuration}
          errorId={error.errorIdFor('duration')}
        />
      </div>
      <div className="fault-row">
        <ActionButton
          title="Slow every link of this node now, and schedule the return to normal: a network hiccup that looks like a dead node."
          onClick={spike}
        >
          Lag spike
        </ActionButton>
        <ActionButton
          title="Put every link of this node back to the scenario's own latency now, ending any spike early."
          disabled={changed === 0}
          onClick={end}
        >
          End lag spike
        </ActionButton>
      </div>
      <p className="fault-status">
        {changed === 0
          ? `${node}'s links run at the scenario's latency.`
          : `${changed} link directions of ${node} differ from the scenario's latency.`}
      </p>
      <FieldError id={error.id} message={error.message} />
    </fieldset>
  );
}
