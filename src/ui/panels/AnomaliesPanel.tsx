/**
 * What the live consistency checker has found so far, each finding in one sentence, and the
 * cures a user can switch on to make them go away (each switch re-derives the run: same seed,
 * same inputs, same time).
 */
import type { ScenarioCures } from '../../scenarios/schema';
import type { ReplicaState } from '../../store/store';
import { useReplica, useReplicaStore } from '../StoreContext';
import { FindingButton, sameOps } from './FindingButton';
import { selectProtocol } from './faults/selectors';
import { LinearizabilityCheck } from './LinearizabilityCheck';

const selectAnomalies = (s: ReplicaState) => s.view.anomalies;
const selectHighlighted = (s: ReplicaState) => s.highlightedOps;

const selectCures = (s: ReplicaState) => s.scenario.cures;

/** The cure settings offered here, with their choices and what they do, in one sentence. */
const CURE_CONTROLS = [
  {
    key: 'readYourWrites',
    label: 'Read-your-writes cure',
    title:
      'Makes a user see their own writes: read what they wrote from the leader, read from the leader for a while after a write, or let a follower answer only once it has the user’s last write',
    options: ['off', 'leader-for-own-keys', 'leader-after-write', 'wait-for-position'],
  },
  {
    key: 'monotonicReads',
    label: 'Monotonic-reads cure',
    title:
      'Stops time going backwards for a user: each user always reads from the same replica, chosen by a hash of the user id',
    options: ['off', 'pinned-replica'],
  },
  {
    key: 'consistentPrefix',
    label: 'Consistent-prefix cure',
    title:
      'Keeps answers after their questions: a read waits for the writes the value it returns causally depends on',
    options: ['off', 'causal-reads'],
  },
] as const;

/** Staleness bounds offered (ms); a scenario's own bound is added when it is another. */
const STALENESS_CHOICES = ['off', '100', '250', '500', '1000'];

export function AnomaliesPanel() {
  const store = useReplicaStore();
  const anomalies = useReplica(selectAnomalies);
  const cures = useReplica(selectCures);
  const highlighted = useReplica(selectHighlighted);
  // The cures are single-leader read routing: other families have no leader to route to.
  const curable = useReplica(selectProtocol) === 'single-leader';
  /** Pick out a finding's operations in the diagrams, and open the client it happened to. */
  const show = (ops: readonly number[]) => {
    const state = store.getState();
    if (sameOps(ops, state.highlightedOps)) {
      state.highlightOps([]);
      return;
    }
    state.highlightOps(ops);
    const last = ops[ops.length - 1];
    const entry = state.view.history.find((h) => h.opId === last);
    if (entry) state.select({ kind: 'client', id: entry.process });
  };
  const count = anomalies.length;
  const own = cures.maxStalenessMs === null ? 'off' : String(cures.maxStalenessMs);
  const stalenessChoices = STALENESS_CHOICES.includes(own)
    ? STALENESS_CHOICES
    : [...STALENESS_CHOICES, own];
  return (
    <section className="panel anomalies" aria-labelledby="anomalies-heading">
      <h2 id="anomalies-heading" className="panel__title">
        Anomalies
      </h2>
      <p className="anomalies__count" role="status">
        {count === 0
          ? 'No anomalies so far'
          : `${count} ${count === 1 ? 'anomaly' : 'anomalies'} so far`}
      </p>
      {count > 0 && (
        <ol className="anomalies__list" aria-label="Anomalies found">
          {anomalies.map((f) => (
            <li key={`${f.kind}:${f.ops.join(',')}`}>
              <FindingButton finding={f} highlighted={highlighted} onShow={show} />
            </li>
          ))}
        </ol>
      )}
      <LinearizabilityCheck highlighted={highlighted} onShow={show} />
      {curable && (
        <fieldset className="anomalies__cures">
          <legend>Cures</legend>
          {CURE_CONTROLS.map((c) => (
            <label key={c.key} className="field" title={c.title}>
              <span className="field__label">{c.label}</span>
              <select
                value={cures[c.key]}
                onChange={(e) =>
                  store.getState().setCures({ [c.key]: e.target.value } as Partial<ScenarioCures>)
                }
              >
                {c.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label
            className="field"
            title="Bounds how stale a read may be: a follower that cannot vouch for being this fresh sends the read to the leader"
          >
            <span className="field__label">Bounded-staleness cure</span>
            <select
              value={cures.maxStalenessMs === null ? 'off' : String(cures.maxStalenessMs)}
              onChange={(e) =>
                store.getState().setCures({
                  maxStalenessMs: e.target.value === 'off' ? null : Number(e.target.value),
                })
              }
            >
              {stalenessChoices.map((ms) => (
                <option key={ms} value={ms}>
                  {ms === 'off' ? 'off' : `at most ${ms} ms stale`}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      )}
    </section>
  );
}
