/**
 * The cluster's replication log format, which the user switches (the run is re-derived with the
 * same seed and inputs, as the cures are), and whether the live replicas hold the same data.
 */
import {
  FORMAT_NAMES,
  LOG_FORMATS,
  type LogFormat,
  logFormatOf,
  replicaAgreement,
} from '../../store/logFormat';
import type { ReplicaState } from '../../store/store';
import { useReplica, useReplicaStore } from '../StoreContext';
import { CheckField } from './faults/CheckField';
import { SelectField } from './faults/SelectField';
import './logFormat.css';
import './panels.css';

const selectFormat = (s: ReplicaState) => logFormatOf(s.scenario)?.format ?? null;
const selectSubstitute = (s: ReplicaState) =>
  logFormatOf(s.scenario)?.substituteNondeterministic ?? false;
// A sentence, so that playback re-renders this only when the answer changes.
const selectAgreement = (s: ReplicaState) => replicaAgreement(s.view);

const CHOICES = LOG_FORMATS.map((f) => ({ value: f, label: FORMAT_NAMES[f] }));

export function LogFormatPanel() {
  const store = useReplicaStore();
  const format = useReplica(selectFormat);
  const substitute = useReplica(selectSubstitute);
  const agreement = useReplica(selectAgreement);
  // Log formats are a single-leader setting: a leaderless cluster has no log to format.
  if (format === null) return null;
  return (
    <section className="panel log-format" aria-labelledby="log-format-heading">
      <h2 id="log-format-heading" className="panel__title">
        Log format
      </h2>
      <SelectField
        label="Log format"
        title="What the leader ships for a statement write: the statement itself, WAL page bytes, row images, or rows a trigger copied to a changes table."
        value={format}
        options={CHOICES}
        onChange={(f) => store.getState().setLogFormat({ format: f as LogFormat })}
      />
      {format === 'statement' && (
        <CheckField
          title="The leader ships the values it used for NOW() and a seed for RAND() with each statement, so followers compute the same rows."
          checked={substitute}
          onChange={(on) => store.getState().setLogFormat({ substituteNondeterministic: on })}
        >
          Substitute NOW() and RAND()
        </CheckField>
      )}
      <p
        className="log-format__agreement"
        role="status"
        aria-label="Replica agreement"
        title="Compares the data of every live replica now: lag makes them differ for a while, divergence for good."
      >
        {agreement}
      </p>
    </section>
  );
}
