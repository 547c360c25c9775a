/** Choose a built-in scenario; the run restarts from time 0 with that scenario's own seed. */
import { type ReplicaState, scenarioCatalog } from '../../store/store';
import { useReplica, useReplicaStore } from '../StoreContext';

const selectScenarioId = (s: ReplicaState) => s.scenario.id;

export function ScenarioPicker() {
  const store = useReplicaStore();
  const scenarioId = useReplica(selectScenarioId);
  return (
    <label className="field">
      <span className="field__label">Scenario</span>
      <select
        className="scenario-picker"
        value={scenarioId}
        onChange={(e) => store.getState().loadScenario(e.target.value)}
      >
        {scenarioCatalog.map((s) => (
          <option key={s.id} value={s.id} title={s.summary}>
            {s.title}
          </option>
        ))}
      </select>
    </label>
  );
}
