/** Set the latency of one link, in one or both directions, and see what it is now. */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_FAULT_MS } from '../../../store/inputProblem';
import type { ReplicaState } from '../../../store/store';
import { useReplica, useReplicaStore } from '../../StoreContext';
import { ActionButton } from './ActionButton';
import { CheckField } from './CheckField';
import { parseWholeMs } from './parseField';
import { SelectField } from './SelectField';
import { selectClientIds, selectNodeIds } from './selectors';
import { FieldError, TextField } from './TextField';
import { useFieldError } from './useFieldError';

const BASE_LABEL = 'Base latency (ms)';
const JITTER_LABEL = 'Jitter (ms)';

const currentLink = (s: ReplicaState, from: string, to: string) =>
  s.view.links.find((l) => l.from === from && l.to === to);

// A string per direction, so the readout re-renders only when the link changes.
const selectLinkText = (from: string, to: string) => (s: ReplicaState) => {
  const link = currentLink(s, from, to);
  if (link === undefined) return `${from} → ${to}: no link`;
  const cut = link.cut ? ', cut' : '';
  return `${from} → ${to}: ${link.baseMs} ms + ${link.jitterMs} ms jitter${cut}`;
};

export function LatencyControl() {
  const store = useReplicaStore();
  const nodes = useReplica(useShallow(selectNodeIds));
  const clients = useReplica(useShallow(selectClientIds));
  const ends = [...nodes, ...clients];
  const [from, setFrom] = useState(nodes[0] ?? '');
  const [to, setTo] = useState(nodes[1] ?? '');
  const [bothWays, setBothWays] = useState(true);
  // Start from the link's present latency, so a change is an edit rather than a blank form.
  const [base, setBase] = useState(() =>
    String(currentLink(store.getState(), from, to)?.baseMs ?? ''),
  );
  const [jitter, setJitter] = useState(() =>
    String(currentLink(store.getState(), from, to)?.jitterMs ?? ''),
  );
  const error = useFieldError<'to' | 'base' | 'jitter'>();
  const forward = useReplica(selectLinkText(from, to));
  const backward = useReplica(selectLinkText(to, from));

  const apply = () => {
    if (from === to)
      return error.fail('to', 'Link to must differ from Link from: a link joins two ends.');
    const baseMs = parseWholeMs(BASE_LABEL, base, 0, MAX_FAULT_MS);
    if (!baseMs.ok) return error.fail('base', baseMs.message);
    const jitterMs = parseWholeMs(JITTER_LABEL, jitter, 0, MAX_FAULT_MS);
    if (!jitterMs.ok) return error.fail('jitter', jitterMs.message);
    error.clear();
    store.getState().inject({
      type: 'set-link',
      from,
      to,
      oneWay: !bothWays,
      latency: { baseMs: baseMs.value, jitterMs: jitterMs.value },
    });
  };

  return (
    <fieldset className="fault-group">
      <legend className="fault-group__legend">Link latency</legend>
      <div className="fault-row">
        <SelectField
          label="Link from"
          title="The sending end of the link whose latency you set."
          value={from}
          options={ends}
          onChange={setFrom}
        />
        <SelectField
          label="Link to"
          title="The receiving end of the link whose latency you set."
          value={to}
          options={ends}
          onChange={setTo}
          errorId={error.errorIdFor('to')}
        />
      </div>
      <ul className="fault-readout" aria-label="Current latency">
        <li>{forward}</li>
        <li>{backward}</li>
      </ul>
      <div className="fault-row">
        <TextField
          label={BASE_LABEL}
          title="The least time a message takes on this link; every message waits at least this long."
          numeric
          value={base}
          onChange={setBase}
          errorId={error.errorIdFor('base')}
        />
        <TextField
          label={JITTER_LABEL}
          title="A random extra delay per message: up to this many ms on a uniform link, this many on average (with a long tail) on an exponential one."
          numeric
          value={jitter}
          onChange={setJitter}
          errorId={error.errorIdFor('jitter')}
        />
      </div>
      <div className="fault-row">
        <CheckField
          title="Change both directions of the link, not only from → to."
          checked={bothWays}
          onChange={(checked) => setBothWays(checked)}
        >
          Both directions
        </CheckField>
        <ActionButton
          title="Record this latency for the link from now on, as an input of the run."
          onClick={apply}
        >
          Set latency
        </ActionButton>
      </div>
      <FieldError id={error.id} message={error.message} />
    </fieldset>
  );
}
