/**
 * "Check linearizability": search the history so far for one order of single-key reads and
 * writes that a single copy could have produced. Asked for, not live (it is a search over the
 * whole history); the answer says when it no longer describes the history on screen.
 */
import { useState } from 'react';
import type { LinearizabilityResult } from '../../checker';
import { linearizabilitySoFar } from '../../store/anomalies';
import type { Session } from '../../store/session';
import type { ReplicaState } from '../../store/store';
import { useReplica, useReplicaStore } from '../StoreContext';
import { FindingButton } from './FindingButton';

const selectSession = (s: ReplicaState) => s.session;
const selectHistoryLength = (s: ReplicaState) => s.view.history.length;

interface Checked {
  result: LinearizabilityResult;
  session: Session;
  historyLength: number;
}

function verdictText({ result }: Checked): string {
  if (result.verdict === 'linearizable')
    return 'Linearizable so far: one order explains every operation.';
  if (result.verdict === 'violated') {
    const n = result.findings.length;
    return `Not linearizable: no order explains ${n === 1 ? 'these operations' : `${n} keys`}.`;
  }
  return `Undecided: ${result.undecided.join(', ')}.`;
}

export function LinearizabilityCheck(props: {
  highlighted: readonly number[];
  onShow: (ops: readonly number[]) => void;
}) {
  const store = useReplicaStore();
  const session = useReplica(selectSession);
  const historyLength = useReplica(selectHistoryLength);
  const [checked, setChecked] = useState<Checked | null>(null);
  const current =
    checked !== null && checked.session === session && checked.historyLength === historyLength;
  const check = () => {
    const state = store.getState();
    setChecked({
      result: linearizabilitySoFar(state.session),
      session: state.session,
      historyLength: state.view.history.length,
    });
  };
  return (
    <div className="anomalies__linearizability">
      <button
        type="button"
        className="button button--small"
        title="Search the history so far for one order of its reads and writes, per key, that a single copy could have produced (Wing–Gong search, as Porcupine does it)"
        onClick={check}
      >
        {checked === null || current ? 'Check linearizability' : 'Check linearizability again'}
      </button>
      {checked !== null && (
        <div aria-live="polite">
          <p className="anomalies__verdict">
            {verdictText(checked)}
            {!current && ' (The history has changed since.)'}
          </p>
          {checked.result.findings.length > 0 && (
            <ol className="anomalies__list" aria-label="Linearizability violations">
              {checked.result.findings.map((f) => (
                <li key={f.ops.join(',')}>
                  <FindingButton
                    finding={f}
                    highlighted={props.highlighted}
                    onShow={props.onShow}
                  />
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}
