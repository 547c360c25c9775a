/**
 * Multi-leader only: every conflict found so far — the concurrent writes to one key, where and
 * when a leader found them, and how the strategy resolved them (the value reads now show, and
 * the writes it discarded from view). The strategy and version vectors can be changed here: the
 * run is re-derived with the same seed, inputs and time, so the same writes meet the new rule.
 */
import type { ConflictStrategy } from '../../protocols/multi-leader/config';
import type { ConflictView } from '../../store/families/multiLeaderConflicts';
import {
  type MultiLeaderSettings,
  multiLeaderSettingsOf,
  originalMultiLeaderSettings,
} from '../../store/families/multiLeaderSettings';
import type { ReplicaState } from '../../store/store';
import { formatTime, formatValue } from '../format';
import { useReplica, useReplicaStore } from '../StoreContext';
import './panels.css';
import { SettingsChanged } from './SettingsChanged';
import { changedSettings } from './settingsDiff';

const selectConflicts = (s: ReplicaState) => s.view.conflicts;
const selectStrategy = (s: ReplicaState) => multiLeaderSettingsOf(s.scenario)?.conflicts ?? null;
const selectVersionVectors = (s: ReplicaState) =>
  multiLeaderSettingsOf(s.scenario)?.versionVectors ?? false;
const selectScenario = (s: ReplicaState) => s.scenario;
const selectValues = (s: ReplicaState) =>
  s.scenario.protocol === 'multi-leader' ? s.scenario.cluster.values : null;

/** Each strategy, in the order the chapter meets them: its name in the select, and what it does. */
const STRATEGIES: Record<string, { label: string; words: string }> = {
  lww: {
    label: 'Last write wins',
    words:
      'last write wins: the write with the highest timestamp (its leader’s clock) is kept, the others are discarded',
  },
  'highest-replica': {
    label: 'Highest replica id wins',
    words: 'the write from the leader with the highest id is kept, the others are discarded',
  },
  merge: {
    label: 'Merge the values',
    words: 'every concurrent value is kept and shown joined, B/C',
  },
  siblings: {
    label: 'Keep siblings, resolve on read',
    words:
      'every concurrent value is kept and shown to the application, which resolves them with its next write',
  },
  'custom:keep-larger': {
    label: 'Custom handler: keep the larger',
    words: 'a custom handler keeps the larger value and discards the others',
  },
  'custom:concatenate': {
    label: 'Custom handler: concatenate',
    words: 'a custom handler joins the values in timestamp order',
  },
  'home-leader': {
    label: 'Avoid conflicts: a home leader per key',
    words: 'each key is written only at its home leader, so conflicts are avoided',
  },
};

function strategyName(strategy: ReturnType<typeof selectStrategy>): string {
  if (strategy === null) return '';
  return typeof strategy === 'object' ? `custom:${strategy.custom}` : strategy;
}

function strategyOf(name: string): ConflictStrategy {
  if (name === 'custom:keep-larger') return { custom: 'keep-larger' };
  if (name === 'custom:concatenate') return { custom: 'concatenate' };
  return name as Exclude<ConflictStrategy, { custom: unknown }>;
}

/** Settings as the notice names them: the strategy's label, version vectors on or off. */
function described(settings: MultiLeaderSettings): Record<string, string> {
  const name = strategyName(settings.conflicts);
  return {
    strategy: STRATEGIES[name]?.label ?? name,
    'version vectors': settings.versionVectors ? 'on' : 'off',
  };
}

/** The strategy and causal delivery, changeable; CRDT values need no strategy. */
function Settings({ strategy }: { strategy: string }) {
  const store = useReplicaStore();
  const versionVectors = useReplica(selectVersionVectors);
  const values = useReplica(selectValues);
  const scenario = useReplica(selectScenario);
  const applied = multiLeaderSettingsOf(scenario);
  const original = originalMultiLeaderSettings(scenario);
  const changes =
    applied === null || original === null
      ? []
      : changedSettings(described(applied), described(original));
  return (
    <>
      <SettingsChanged
        changes={changes}
        restoreTitle="Run the scenario again with its own strategy and version vectors: same seed, inputs and moment"
        onRestore={() => {
          if (original !== null) store.getState().setMultiLeaderSettings(original);
        }}
      />
      <div className="conflict-settings">
        {values === 'register' ? (
          <label className="field field--inline" title={STRATEGIES[strategy]?.words ?? strategy}>
            <span className="field__label">Strategy</span>
            <select
              value={strategy}
              onChange={(e) =>
                store.getState().setMultiLeaderSettings({ conflicts: strategyOf(e.target.value) })
              }
            >
              {Object.entries(STRATEGIES).map(([name, { label, words }]) => (
                <option key={name} value={name} title={words}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p className="copy__note">
            {`Values: a ${values} CRDT, which converges without conflicts to resolve.`}
          </p>
        )}
        <label
          className="field field--inline"
          title="Causal delivery: a change waits until every change its origin had applied is applied here too, so an update never overtakes the insert it depends on (figure 5-9)"
        >
          <input
            type="checkbox"
            checked={versionVectors}
            onChange={(e) =>
              store.getState().setMultiLeaderSettings({ versionVectors: e.target.checked })
            }
          />
          Version vectors
        </label>
      </div>
    </>
  );
}

function ConflictItem({ conflict }: { conflict: ConflictView }) {
  const writes = conflict.writes.map((w) => `${formatValue(w.value)} (${w.id})`).join(' and ');
  const lost = conflict.discarded.map((d) => `${formatValue(d.value)} by ${d.client}`).join(', ');
  return (
    <li className="conflict">
      <div>
        <strong>{conflict.key}</strong>: {writes} were written concurrently
      </div>
      <div className="copy__note">
        found by {conflict.node} at {formatTime(conflict.at)}; {conflict.strategy} shows{' '}
        {formatValue(conflict.result)}
        {lost !== '' && `, discarding ${lost}`}
      </div>
    </li>
  );
}

export function ConflictsPanel() {
  const conflicts = useReplica(selectConflicts);
  const strategy = strategyName(useReplica(selectStrategy));
  if (strategy === '') return null;
  return (
    <section className="panel" aria-labelledby="conflicts-heading">
      <h2
        id="conflicts-heading"
        className="panel__title"
        title="Concurrent writes to one key, found when the leaders exchange their changes"
      >
        Conflicts
      </h2>
      <Settings strategy={strategy} />
      {conflicts.length === 0 ? (
        <p className="panel__empty">No conflict found yet.</p>
      ) : (
        <ul className="conflicts" aria-label="Conflicts found">
          {conflicts.map((c) => (
            <ConflictItem key={`${c.key}|${c.writes.map((w) => w.id).join(',')}`} conflict={c} />
          ))}
        </ul>
      )}
    </section>
  );
}
