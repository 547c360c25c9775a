import { describe, expect, it } from 'vitest';
import { historyOps } from '../../engine/historyLog';
import { finishedMessages } from '../../engine/messageLog';
import { leaderlessStaleReads } from '../../protocols/leaderless/outcome';
import { findAnyBuiltin } from '../../scenarios/builtin';
import { createReplicaStore } from '../store';
import {
  leaderlessSettingsOf,
  leaderlessSettingsProblems,
  originalLeaderlessSettings,
} from './leaderlessSettings';

const scenario = (id: string) => {
  const s = findAnyBuiltin(id);
  if (s === undefined) throw new Error(`no scenario ${id}`);
  return s;
};

describe('leaderless settings', () => {
  it('names the field of each impossible quorum', () => {
    const s = scenario('quorum-read-repair'); // three nodes
    expect(leaderlessSettingsProblems(s, { w: 4 })).toEqual([
      'w: a write cannot wait for 4 acknowledgements from 3 replicas',
    ]);
    expect(leaderlessSettingsProblems(s, { r: 5 })[0]).toMatch(/^r: /);
    expect(leaderlessSettingsProblems(s, { w: 0 })[0]).toMatch(/^w: must be a whole number/);
    expect(leaderlessSettingsProblems(s, { n: 4, w: 2, r: 2 })[0]).toMatch(
      /^n: 4 replicas per key needs at least 4 nodes, but the cluster has 3/,
    );
    expect(leaderlessSettingsProblems(s, { antiEntropyIntervalMs: -1 })[0]).toMatch(
      /^antiEntropyIntervalMs: /,
    );
    expect(leaderlessSettingsProblems(s, { n: 2, w: 1, r: 2 })).toEqual([]);
    expect(leaderlessSettingsProblems(scenario('sync-vs-async'), { w: 1 })[0]).toMatch(
      /^protocol: /,
    );
  });

  it('the client as coordinator: the same run re-derived, each client fanning out itself', () => {
    const store = createReplicaStore('quorum-read-repair', 1);
    store.getState().seek(3000);
    const fromClients = () =>
      finishedMessages(store.getState().session.sim.logs.messages)
        .filter((m) => m.from.startsWith('user-'))
        .map((m) => m.kind);
    expect(new Set(fromClients())).toEqual(new Set(['write', 'read']));
    expect(store.getState().setLeaderlessSettings({ coordinator: 'client' })).toEqual([]);
    expect(store.getState().view.t).toBe(3000);
    expect(new Set(fromClients())).toEqual(new Set(['put', 'get', 'read-repair']));
    expect(
      leaderlessSettingsProblems(store.getState().scenario, { coordinator: { node: 'n9' } }),
    ).toEqual(['coordinator: "n9" is not a node of this cluster']);
  });

  it('remembers the scenario’s own settings after a change', () => {
    const store = createReplicaStore('quorum-read-repair', 1);
    store.getState().setLeaderlessSettings({ w: 3, r: 1 });
    expect(leaderlessSettingsOf(store.getState().scenario)).toMatchObject({ w: 3, r: 1 });
    expect(originalLeaderlessSettings(store.getState().scenario)).toMatchObject({ w: 2, r: 2 });
  });

  it('refuses bad settings and keeps the run as it was', () => {
    const store = createReplicaStore('quorum-read-repair', 1);
    store.getState().seek(1000);
    const before = store.getState().session;
    const problems = store.getState().setLeaderlessSettings({ w: 4 });
    expect(problems).toHaveLength(1);
    expect(store.getState().session).toBe(before);
    expect(leaderlessSettingsOf(store.getState().scenario)?.w).toBe(2);
  });

  it('a stronger quorum is a different run at the same time, with the same inputs', () => {
    const store = createReplicaStore('small-quorum-stale-read', 1);
    store.getState().seek(2000);
    store
      .getState()
      .inject({ type: 'client-op', client: 'user-1234', op: { f: 'read', key: 'k' } });
    const inputs = store.getState().session.userInputs;
    store.getState().seek(3000);
    expect(
      leaderlessStaleReads(historyOps(store.getState().session.sim.logs.history)).length,
    ).toBeGreaterThan(0);
    expect(store.getState().setLeaderlessSettings({ w: 2, r: 2 })).toEqual([]);
    const after = store.getState();
    expect(after.view.t).toBe(3000);
    expect(after.session.userInputs).toEqual(inputs);
    expect(leaderlessSettingsOf(after.scenario)).toMatchObject({ w: 2, r: 2 });
    expect(leaderlessStaleReads(historyOps(after.session.sim.logs.history))).toEqual([]);
  });

  it('read repair switched off leaves the stale replica stale', () => {
    const store = createReplicaStore('quorum-read-repair', 1);
    store.getState().seek(3000);
    const copyOn = (id: string) => store.getState().view.nodes.find((n) => n.id === id)?.data;
    expect(copyOn('n3')?.['users.1234.picture_url']).toBe('me-new.jpg');
    store.getState().setLeaderlessSettings({ readRepair: false });
    expect(copyOn('n3')?.['users.1234.picture_url']).toBe('me-old.jpg');
  });
});
