import { describe, expect, it } from 'vitest';
import { historyOps } from '../engine/historyLog';
import { decodeSet } from '../protocols/leaderless/siblingValues';
import { findAnyBuiltin } from './builtin';
import { runLeaderlessScenario } from './leaderlessRun';
import { isLeaderless } from './leaderlessSchema';

/** DDIA figure 5-13: each write's response, as the figure prints it (version; sibling values). */
const FIGURE = [
  { client: 'client-1', version: 1, siblings: [['milk']] },
  { client: 'client-2', version: 2, siblings: [['milk'], ['eggs']] },
  { client: 'client-1', version: 3, siblings: [['milk', 'flour'], ['eggs']] },
  {
    client: 'client-2',
    version: 4,
    siblings: [
      ['eggs', 'milk', 'ham'],
      ['milk', 'flour'],
    ],
  },
  {
    client: 'client-1',
    version: 5,
    siblings: [
      ['milk', 'flour', 'eggs', 'bacon'],
      ['eggs', 'milk', 'ham'],
    ],
  },
];

/** Sibling sets compared as sets of sets: the figure's item order is the order items were added. */
function canonical(siblings: string[][]): string[] {
  return siblings.map((s) => [...s].sort().join(',')).sort();
}

describe('the shopping cart of figure 5-13', () => {
  const scenario = findAnyBuiltin('shopping-cart-siblings');
  if (scenario === undefined || !isLeaderless(scenario)) throw new Error('scenario missing');

  it.each([1, 2, 3])(
    'answers every write with the figure’s version and siblings (seed %i)',
    (seed) => {
      const sim = runLeaderlessScenario(scenario, seed);
      const writes = historyOps(sim.logs.history).filter((h) => h.f === 'write' && h.type === 'ok');
      expect(writes.map((w) => w.process)).toEqual(FIGURE.map((f) => f.client));
      writes.forEach((w, i) => {
        const step = FIGURE[i] as (typeof FIGURE)[number];
        expect(JSON.parse(String(w.meta?.version)), `step ${i + 1}`).toEqual({ db: step.version });
        const values = JSON.parse(String(w.meta?.siblings)) as string[];
        const sets = values.map((v) => decodeSet(v).items);
        expect(canonical(sets), `step ${i + 1}`).toEqual(canonical(step.siblings));
      });
    },
  );

  it('sends the version each client last saw (none for a first write)', () => {
    const sim = runLeaderlessScenario(scenario, 1);
    const contexts = historyOps(sim.logs.history)
      .filter((h) => h.f === 'write' && h.type === 'ok')
      .map((w) => JSON.parse(String(w.meta?.context)).db ?? null);
    expect(contexts).toEqual([null, null, 1, 2, 3]);
  });

  it('keeps every item: the final siblings merge to milk, flour, eggs, bacon, ham', () => {
    const sim = runLeaderlessScenario(scenario, 1);
    const read = historyOps(sim.logs.history).find((h) => h.f === 'read' && h.type === 'ok');
    const siblings = JSON.parse(String(read?.meta?.siblings)) as string[];
    const union = new Set(siblings.flatMap((v) => decodeSet(v).items));
    expect([...union].sort()).toEqual(['bacon', 'eggs', 'flour', 'ham', 'milk']);
  });
});
