/**
 * Multi-leader only: every conflict found so far — the concurrent writes to one key, where and
 * when a leader found them, and how the scenario's strategy resolved them (the value reads now
 * show, and the writes it discarded from view).
 */
import type { ConflictView } from '../../store/families/multiLeaderConflicts';
import type { ReplicaState } from '../../store/store';
import { formatTime, formatValue } from '../format';
import { useReplica } from '../StoreContext';
import './panels.css';

const selectConflicts = (s: ReplicaState) => s.view.conflicts;
const selectStrategy = (s: ReplicaState) =>
  s.scenario.protocol === 'multi-leader' ? s.scenario.cluster.conflicts : null;

/** What each strategy does, in one sentence, for the panel's tooltip. */
const STRATEGY_WORDS: Record<string, string> = {
  lww: 'last write wins: the write with the highest timestamp (its leader’s clock) is kept, the others are discarded',
  'highest-replica':
    'the write from the leader with the highest id is kept, the others are discarded',
  merge: 'every concurrent value is kept and shown joined, B/C',
  siblings:
    'every concurrent value is kept and shown to the application, which resolves them with its next write',
  'home-leader': 'each key is written only at its home leader, so conflicts are avoided',
  'custom:keep-larger': 'a custom handler keeps the larger value and discards the others',
  'custom:concatenate': 'a custom handler joins the values in timestamp order',
};

function strategyName(strategy: ReturnType<typeof selectStrategy>): string {
  if (strategy === null) return '';
  return typeof strategy === 'object' ? `custom:${strategy.custom}` : strategy;
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
      <p
        className="copy__note"
        title={STRATEGY_WORDS[strategy] ?? strategy}
      >{`Strategy: ${strategy}`}</p>
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
