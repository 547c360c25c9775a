/**
 * Choose a scenario, grouped by topic in the order a newcomer should meet them; the run restarts
 * from time 0 with that scenario's own seed. A scenario opened by link that is not in the
 * catalogue (a stress test) is listed on its own so the picker never shows another's title.
 */
import { group } from 'd3';
import { type ReplicaState, scenarioCatalog } from '../../store/store';
import { useReplica, useReplicaStore } from '../StoreContext';

const selectScenario = (s: ReplicaState) => s.scenario;

/** Topic headings as the picker shows them. */
const TOPIC_LABELS: Record<string, string> = {
  'single-leader': 'Single-leader replication',
  'replication lag': 'Replication lag',
  leaderless: 'Leaderless replication',
  'multi-leader': 'Multi-leader replication',
};

const byTopic = [...group(scenarioCatalog, (s) => s.topic)];

export function ScenarioPicker() {
  const store = useReplicaStore();
  const scenario = useReplica(selectScenario);
  const listed = scenarioCatalog.some((s) => s.id === scenario.id);
  return (
    <label
      className="field field--picker"
      title="Each scenario shows one idea of the chapter, with narration"
    >
      <span className="field__label">Scenario</span>
      <select
        className="scenario-picker"
        value={scenario.id}
        onChange={(e) => store.getState().loadScenario(e.target.value)}
      >
        {!listed && (
          <option value={scenario.id} title={scenario.summary}>
            {scenario.title}
          </option>
        )}
        {byTopic.map(([topic, entries]) => (
          <optgroup key={topic} label={TOPIC_LABELS[topic] ?? topic}>
            {entries.map((s) => (
              <option key={s.id} value={s.id} title={s.summary}>
                {s.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
