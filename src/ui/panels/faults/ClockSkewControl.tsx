/** Skew the selected node's local clock: what it believes the time is, not the true time. */
import { useState } from 'react';
import { MAX_FAULT_MS } from '../../../store/inputProblem';
import type { ReplicaState } from '../../../store/store';
import { useReplica, useReplicaStore } from '../../StoreContext';
import { ActionButton } from './ActionButton';
import { parseWholeMs } from './parseField';
import { FieldError, TextField } from './TextField';
import { useFieldError } from './useFieldError';

const SKEW_LABEL = 'Clock skew (ms)';

const selectSkew = (node: string) => (s: ReplicaState) =>
  s.view.nodes.find((n) => n.id === node)?.clockSkewMs ?? 0;

export function ClockSkewControl({ node }: { node: string }) {
  const store = useReplicaStore();
  const skewMs = useReplica(selectSkew(node));
  const [skew, setSkew] = useState('100');
  const error = useFieldError<'skew'>();

  const apply = () => {
    const parsed = parseWholeMs(SKEW_LABEL, skew, -MAX_FAULT_MS, MAX_FAULT_MS);
    if (!parsed.ok) return error.fail('skew', parsed.message);
    error.clear();
    store.getState().inject({ type: 'clock-skew', node, skewMs: parsed.value });
  };

  return (
    <fieldset className="fault-group">
      <legend className="fault-group__legend">Clock of {node}</legend>
      <div className="fault-row">
        <TextField
          label={SKEW_LABEL}
          title="How far this node's local clock runs ahead of true time (negative: behind); leases and timeouts read it."
          numeric
          value={skew}
          onChange={setSkew}
          errorId={error.errorIdFor('skew')}
        />
        <ActionButton
          title="Set this node's clock offset from now on, as an input of the run."
          onClick={apply}
        >
          Skew clock
        </ActionButton>
      </div>
      <p className="fault-status">
        {skewMs === 0
          ? `${node}'s clock is on time.`
          : `${node}'s clock is ${Math.abs(skewMs)} ms ${skewMs > 0 ? 'ahead' : 'behind'}.`}
      </p>
      <FieldError id={error.id} message={error.message} />
    </fieldset>
  );
}
