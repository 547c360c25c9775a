/**
 * The selected client session: what it waits for, what is queued, what it knows (where writes
 * and reads go, the position of its last acknowledged write) and its history, newest last.
 */
import { useLayoutEffect, useRef } from 'react';
import type { HistoryOp } from '../../engine/types';
import { leaderlessValueText } from '../../store/families/leaderlessValueText';
import type { ClientInspection } from '../../store/inspect';
import type { ReplicaState } from '../../store/store';
import { useReplica, useReplicaStore } from '../StoreContext';
import { type Fact, Facts } from './Facts';
import { historyText, pendingText } from './inspectorText';
import { VersionGraphView } from './leaderless/VersionGraphView';
import './panels.css';
import './leaderless/leaderless.css';

const selectClientInspection = (s: ReplicaState) =>
  s.inspection?.kind === 'client' ? (s.inspection as ClientInspection) : null;

function clientFacts(c: ClientInspection): Fact[] {
  const last = c.lastWrite;
  return [
    ['Waiting for', pendingText(c), 'A client has one operation outstanding at a time.'],
    ['Queued', String(c.queued), 'Operations waiting behind the outstanding one.'],
    [
      'Writes go to',
      c.leaderHint ?? '—',
      'The node this client believes is the leader; a redirect teaches it otherwise.',
    ],
    [
      'Reads go to',
      c.reads,
      'Where its reads are routed: the leader, any replica, or one replica.',
    ],
    [
      'Last write',
      last === null
        ? 'none acknowledged yet'
        : `#${last.pos}${last.epoch === null ? '' : ` (epoch ${last.epoch})`}, ok at ${last.at} ms`,
      'The log position the leader gave its last acknowledged write: what read-your-writes needs.',
    ],
  ];
}

const selectFocusedOp = (s: ReplicaState) => s.focusedOp;
const selectLeaderless = (s: ReplicaState) => s.scenario.protocol === 'leaderless';

/** An operation's completion; in a leaderless session, a button that pictures its quorums. */
function HistoryText({ op, pickable }: { op: HistoryOp; pickable: boolean }) {
  const store = useReplicaStore();
  const focused = useReplica(selectFocusedOp) === op.opId;
  if (!pickable) return <span>{historyText(op)}</span>;
  const text = historyText(op, leaderlessValueText);
  if (op.type === 'invoke') return <span>{text}</span>;
  return (
    <button
      type="button"
      className="history__pick"
      aria-pressed={focused}
      title="Picture this operation's quorums: the replicas that acknowledged the write (w) and answered the read (r), ringed in the cluster view"
      onClick={() => store.getState().focusOp(focused ? null : op.opId)}
      onMouseEnter={() => store.getState().hoverOp(op.opId)}
      onMouseLeave={() => store.getState().hoverOp(null)}
      onFocus={() => store.getState().hoverOp(op.opId)}
      onBlur={() => store.getState().hoverOp(null)}
    >
      {text}
    </button>
  );
}

function ClientHistory({ c }: { c: ClientInspection }) {
  const pickable = useReplica(selectLeaderless);
  const listRef = useRef<HTMLOListElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the history changes
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list !== null) list.scrollTop = list.scrollHeight;
  }, [c.history]);
  if (c.history.length === 0) return <p className="panel__empty">No operations yet.</p>;
  return (
    <>
      {c.historyTotal > c.history.length && (
        <p className="log__summary">
          The latest {c.history.length} of {c.historyTotal} entries.
        </p>
      )}
      <ol
        ref={listRef}
        className="history history--scroll"
        aria-label={`History of ${c.id}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region
        tabIndex={0}
      >
        {c.history.map((op) => (
          <li key={op.index} className={`history__op history__op--${op.type}`}>
            <HistoryText op={op} pickable={pickable} />
            <span className="history__meta">at {op.time} ms</span>
          </li>
        ))}
      </ol>
    </>
  );
}

export function ClientInspector() {
  const c = useReplica(selectClientInspection);
  if (c === null) return null;
  return (
    <section className="panel inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="panel__title">
        Client {c.id}
      </h2>
      {c.exists ? (
        <>
          <Facts facts={clientFacts(c)} />
          <h3 className="panel__subtitle">History</h3>
          <ClientHistory c={c} />
          {c.versions !== null && (
            <>
              <h3
                className="panel__subtitle"
                title="Which writes of the key happened before which (an arrow: overwritten by), and which were concurrent"
              >
                Versions of {c.versions.key}
              </h3>
              <VersionGraphView graph={c.versions} />
            </>
          )}
        </>
      ) : (
        <p className="panel__empty">No such client in this scenario.</p>
      )}
    </section>
  );
}
