/**
 * A write as a statement (INSERT / UPDATE / DELETE, with NOW() and RAND()) from the chosen
 * client, and the comparison view: the same statement as each of the four log formats would
 * ship it if the leader ran it now. A statement that does not parse is refused with the
 * position named, and the text stays as typed.
 */
import { useState } from 'react';
import {
  type Comparison,
  compareOnLeader,
  logFormatOf,
  STATEMENT_KEY,
  statementProblem,
} from '../../store/logFormat';
import type { ReplicaState } from '../../store/store';
import { useReplica, useReplicaStore } from '../StoreContext';
import { FormatLines } from './FormatLines';
import { ActionButton } from './faults/ActionButton';
import { FieldError, TextField } from './faults/TextField';
import { useFieldError } from './faults/useFieldError';
import './logFormat.css';

const selectHasLogFormat = (s: ReplicaState) => logFormatOf(s.scenario) !== null;

/** Statements are a single-leader feature: a leaderless scenario shows none of this. */
export function StatementOps({ client }: { client: string }) {
  return useReplica(selectHasLogFormat) ? <StatementForm client={client} /> : null;
}

function StatementForm({ client }: { client: string }) {
  const store = useReplicaStore();
  const [sql, setSql] = useState('');
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const error = useFieldError<'statement'>();

  const parses = (): boolean => {
    const problem = statementProblem(sql);
    if (problem !== null) error.fail('statement', `Statement: ${problem}`);
    else error.clear();
    return problem === null;
  };
  const run = () => {
    if (!parses()) return;
    const op = { f: 'write' as const, key: STATEMENT_KEY, value: sql };
    store.getState().inject({ type: 'client-op', client, op });
  };
  const compare = () => {
    if (!parses()) return;
    const result = compareOnLeader(store.getState().session, sql);
    if (!result.ok) error.fail('statement', `Statement: ${result.message}`);
    setComparison(result.ok ? result : null);
  };

  return (
    <div className="statement-ops">
      <div className="fault-row">
        <TextField
          label="Statement"
          title="A write as a statement, e.g. INSERT INTO users (name) VALUES ('ada') or UPDATE t SET n = n + 1 WHERE id = 1; NOW() and RAND() allowed."
          value={sql}
          onChange={setSql}
          errorId={error.errorIdFor('statement')}
          className="field--wide"
        />
      </div>
      <div className="fault-row">
        <ActionButton
          title="Send the statement from this client now; the leader runs it and replicates it in the cluster's log format."
          onClick={run}
        >
          Run statement
        </ActionButton>
        <ActionButton
          title="Show what each of the four log formats would ship for this statement if the leader ran it now (nothing is sent)."
          onClick={compare}
        >
          Compare formats
        </ActionButton>
      </div>
      <FieldError id={error.id} message={error.message} />
      {comparison?.ok && (
        <ul className="log-format__compare" aria-label="The statement in each log format">
          {comparison.formats.map((f) => (
            <li key={f.format}>
              <h4>{f.name}</h4>
              <FormatLines lines={f.lines} label={`As ${f.name} ships it`} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
