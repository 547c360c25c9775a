import { describe, expect, it } from 'vitest';
import { runUntil } from '../../engine/simulation';
import type { LeaderlessSim } from '../../protocols/leaderless/outcome';
import { findAnyBuiltin } from '../../scenarios/builtin';
import { startAnyScenario } from '../../scenarios/runAny';
import { createReplicaStore } from '../store';
import { leaderlessValueText } from './leaderlessValueText';
import { versionGraph } from './leaderlessVersions';

function runTo(id: string, t: number): LeaderlessSim {
  const scenario = findAnyBuiltin(id);
  if (scenario === undefined) throw new Error(`no scenario ${id}`);
  const sim = startAnyScenario(scenario, scenario.seed) as LeaderlessSim;
  runUntil(sim, t);
  return sim;
}

describe('version graph', () => {
  it('reads like figure 5-13: who overwrote whom, who is concurrent, which siblings remain', () => {
    const graph = versionGraph(runTo('shopping-cart-siblings', 1500), 'cart');
    const byDot = new Map(graph.writes.map((w) => [w.dot, w]));
    // The figure's five writes, versions 1 to 5, from client 1 and client 2 in turn.
    expect(graph.writes.map((w) => [w.dot, w.client, w.wrote])).toEqual([
      ['db:1', 'client-1', 'milk'],
      ['db:2', 'client-2', 'eggs'],
      ['db:3', 'client-1', 'flour'],
      ['db:4', 'client-2', 'ham'],
      ['db:5', 'client-1', 'bacon'],
    ]);
    // flour was written on top of version 1; ham on top of version 2 (milk and eggs); bacon
    // on top of version 3 (milk-flour and, through version 2, eggs).
    expect(byDot.get('db:1')?.after).toEqual([]);
    expect(byDot.get('db:2')?.after).toEqual([]);
    expect(byDot.get('db:3')?.after).toEqual(['db:1']);
    expect(byDot.get('db:4')?.after).toEqual(['db:1', 'db:2']);
    expect(byDot.get('db:5')?.after).toEqual(['db:2', 'db:3']);
    expect(byDot.get('db:1')?.concurrentWith).toEqual(['db:2']);
    expect(byDot.get('db:4')?.concurrentWith).toEqual(['db:3', 'db:5']);
    // Two siblings remain: [eggs, milk, ham] and [milk, flour, eggs, bacon].
    const remaining = graph.writes.filter((w) => w.sibling !== undefined);
    expect(remaining.map((w) => w.dot)).toEqual(['db:4', 'db:5']);
    expect(leaderlessValueText(remaining[0]?.sibling ?? null)).toBe('[eggs, ham, milk]');
    expect(leaderlessValueText(remaining[1]?.sibling ?? null)).toBe('[bacon, eggs, flour, milk]');
  });

  it('names the write last-write-wins discarded, and the one that beat it', () => {
    const graph = versionGraph(runTo('lww-clock-skew', 2000), 'page.123.title');
    const lost = graph.writes.filter((w) => w.discardedFor !== undefined);
    expect(lost).toHaveLength(1);
    const winner = graph.writes.find((w) => w.dot === lost[0]?.discardedFor);
    expect(winner?.sibling).toBeDefined();
    expect(lost[0]?.concurrentWith).toContain(winner?.dot);
  });

  it('shows only what has happened by the time shown', () => {
    expect(versionGraph(runTo('shopping-cart-siblings', 400), 'cart').writes).toHaveLength(2);
  });

  it('a client’s inspection shows the key it used last, or the key of the pressed operation', () => {
    const store = createReplicaStore('quorum-read-repair', 1);
    store.getState().seek(3000);
    store.getState().inject({
      type: 'client-op',
      client: 'user-2345',
      op: { f: 'write', key: 'other', value: 'x' },
    });
    store.getState().seek(3000);
    store.getState().select({ kind: 'client', id: 'user-2345' });
    const versionsKey = () => {
      const inspection = store.getState().inspection;
      return inspection?.kind === 'client' ? inspection.versions?.key : undefined;
    };
    expect(versionsKey()).toBe('other');
    const read = store.getState().view.history.find((h) => h.f === 'read' && h.type === 'ok');
    store.getState().focusOp(read?.opId ?? -1);
    expect(versionsKey()).toBe('users.1234.picture_url');
  });
});
