import { describe, expect, it } from 'vitest';
import type { MultiLeaderSim } from '../../protocols/multi-leader/outcome';
import { multiLeaderReplicaViews } from '../../protocols/multi-leader/outcome';
import { createReplicaStore } from '../store';
import { multiLeaderSettingsOf } from './multiLeaderSettings';

const titles = (store: ReturnType<typeof createReplicaStore>) => {
  const views = multiLeaderReplicaViews(store.getState().session.sim as MultiLeaderSim);
  return Object.values(views).map((v) => v.data['page.123.title']?.value);
};

describe('changing multi-leader settings in a running session', () => {
  it('meets the same concurrent writes with another strategy, at the same time', () => {
    // Figure 5-7: two leaders change the wiki title from A to B and to C at once.
    const store = createReplicaStore('ml-wiki-title-lww', 1);
    store.getState().seek(2900);
    const lww = titles(store);
    expect(new Set(lww).size).toBe(1);
    expect(['B', 'C']).toContain(lww[0]);
    expect(store.getState().view.conflicts[0]?.discarded).toHaveLength(1);

    store.getState().setMultiLeaderSettings({ conflicts: 'merge' });
    expect(store.getState().view.t).toBe(2900);
    expect(titles(store)).toEqual(['B/C', 'B/C']);
    expect(store.getState().view.conflicts[0]?.discarded).toEqual([]);

    store.getState().setMultiLeaderSettings({ conflicts: { custom: 'keep-larger' } });
    expect(titles(store)).toEqual(['C', 'C']);
    expect(multiLeaderSettingsOf(store.getState().scenario)?.conflicts).toEqual({
      custom: 'keep-larger',
    });
  });

  it('version vectors switched on cure figure 5-9: the update waits for its insert', () => {
    const store = createReplicaStore('ml-update-overtakes-insert', 1);
    const x = () =>
      Object.values(multiLeaderReplicaViews(store.getState().session.sim as MultiLeaderSim)).map(
        (v) => v.data.x?.value,
      );
    store.getState().seek(store.getState().scenario.durationMs);
    store.getState().select({ kind: 'node', id: 'leader2' });
    expect(x()).toContain(1);
    store.getState().setMultiLeaderSettings({ versionVectors: true });
    expect(x()).toEqual([2, 2, 2]);
    // The node stays selected, so its inspector shows what the change did to it.
    expect(store.getState().selection).toEqual({ kind: 'node', id: 'leader2' });
    expect(store.getState().inspection).toMatchObject({ kind: 'node', id: 'leader2' });
  });

  it('leaves a scenario of another family as it is', () => {
    const store = createReplicaStore('read-your-writes', 1);
    const before = store.getState().scenario;
    store.getState().setMultiLeaderSettings({ versionVectors: true });
    expect(store.getState().scenario).toBe(before);
    expect(multiLeaderSettingsOf(before)).toBeNull();
  });
});
