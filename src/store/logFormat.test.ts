import { describe, expect, it } from 'vitest';
import { STATEMENT_KEY } from '../protocols/shared/statements';
import { compareOnLeader, logFormatOf, replicaAgreement, statementProblem } from './logFormat';
import { createReplicaStore } from './store';

const NOW_AND_RAND = 'INSERT INTO notes (at, r) VALUES (NOW(), RAND())';

/** A store of sync-vs-async with one statement written by user-1234 at 100 ms, seen at 2000 ms. */
function storeWithStatement() {
  const store = createReplicaStore('sync-vs-async', 1);
  store.getState().seek(100);
  store.getState().inject({
    type: 'client-op',
    client: 'user-1234',
    op: { f: 'write', key: STATEMENT_KEY, value: NOW_AND_RAND },
  });
  store.getState().seek(2000);
  return store;
}

describe('the session log format', () => {
  it('replicates statements as logical records when the scenario names no format', () => {
    const store = storeWithStatement();
    expect(logFormatOf(store.getState().scenario)?.format).toBe('logical');
    expect(replicaAgreement(store.getState().view)).toBe('The live replicas hold the same data.');
  });

  it('switching the format re-derives the run with the same inputs, at the same moment', () => {
    const store = storeWithStatement();
    store.getState().setLogFormat({ format: 'statement' });
    const state = store.getState();
    expect(state.view.t).toBe(2000);
    expect(state.session.userInputs).toHaveLength(1);
    expect(replicaAgreement(state.view)).toBe(
      'The live replicas differ on 2 keys: notes/1.at, notes/1.r.',
    );
    store.getState().setLogFormat({ substituteNondeterministic: true });
    expect(logFormatOf(store.getState().scenario)).toMatchObject({
      format: 'statement',
      substituteNondeterministic: true,
    });
    expect(replicaAgreement(store.getState().view)).toBe('The live replicas hold the same data.');
  });

  it('compares a statement in all four formats against the leader, without changing the run', () => {
    const store = storeWithStatement();
    const before = store.getState().session.sim.core.traceHash;
    const result = compareOnLeader(store.getState().session, 'UPDATE notes SET r = 1 WHERE id = 1');
    if (!result.ok) throw new Error(result.message);
    expect(result.formats.map((f) => f.format)).toEqual(['statement', 'wal', 'logical', 'trigger']);
    const logical = result.formats.find((f) => f.format === 'logical')?.lines ?? [];
    expect(logical[0]).toBe('BEGIN tx 0');
    expect(logical[1]).toMatch(/^UPDATE notes id=1 \{r: 0\.\d+ → 1\}$/);
    expect(store.getState().session.sim.core.traceHash).toBe(before);
  });

  it('names the position of a statement that does not parse', () => {
    expect(statementProblem('DELETE t')).toBe('position 8: expected FROM, found "t"');
    expect(statementProblem('DELETE FROM t')).toBeNull();
  });

  it('time travel across a held commit replays it exactly', () => {
    const store = createReplicaStore('statement-autoincrement-order', 1);
    const end = store.getState().view.durationMs;
    store.getState().seek(end);
    const hash = store.getState().session.sim.core.traceHash;
    const data = store.getState().view.nodes.map((n) => n.data);
    // 200 ms: alice's transaction has run and is held open; bob's is about to commit.
    store.getState().seek(200);
    store.getState().seek(end);
    expect(store.getState().session.sim.core.traceHash).toBe(hash);
    expect(store.getState().view.nodes.map((n) => n.data)).toEqual(data);
  });

  it("shows a trigger-based leader's changes table waiting for the replication process", () => {
    const store = createReplicaStore('trigger-based-filtered', 1);
    store.getState().seek(200);
    store.getState().select({ kind: 'node', id: 'n1' });
    const waiting = store.getState().inspection;
    expect(waiting?.kind === 'node' && waiting.formatNote).toBe(
      'Changes table: the replication process has shipped up to #0; 1 waiting.',
    );
    store.getState().seek(1500);
    store.getState().select({ kind: 'node', id: 'n1' });
    const shipped = store.getState().inspection;
    expect(shipped?.kind === 'node' && shipped.formatNote).toBe(
      'Changes table: the replication process has shipped up to #2.',
    );
  });
});
