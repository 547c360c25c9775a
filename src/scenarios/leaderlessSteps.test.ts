import { describe, expect, it } from 'vitest';
import { historyOps } from '../engine/historyLog';
import { leaderlessOutcome } from '../protocols/leaderless/outcome';
import { runLeaderlessScenario } from './leaderlessRun';
import type { LeaderlessScenario } from './leaderlessSchema';
import { parseAnyScenario } from './validateLeaderless';

function scenario(timeline: unknown[]): LeaderlessScenario {
  const result = parseAnyScenario({
    id: 'steps',
    protocol: 'leaderless',
    title: 't',
    summary: 's',
    durationMs: 3000,
    cluster: {
      nodes: ['n1', 'n2', 'n3'],
      n: 3,
      w: 1,
      r: 3,
      clientCoordinators: { a: { node: 'n2' }, b: { node: 'n2' } },
    },
    clients: ['a', 'b'],
    timeline,
  });
  if (!result.ok || result.scenario.protocol !== 'leaderless') throw new Error('invalid');
  return result.scenario;
}

describe('restoring a replica from another', () => {
  it('gives the restored node a fresh name for its versions, so no two writes share one', () => {
    // a's write never reaches n3, and n2 is then restored from n3: n2 forgets it.
    const sim = runLeaderlessScenario(
      scenario([
        { at: 50, type: 'partition-oneway', from: ['n2'], to: ['n3'] },
        { at: 100, type: 'write', client: 'a', key: 'k', value: 'first' },
        { at: 250, type: 'heal' },
        { at: 300, type: 'restore', node: 'n2', from: 'n3' },
        { at: 500, type: 'write', client: 'b', key: 'k', value: 'second' },
        { at: 2500, type: 'read', client: 'b', key: 'k' },
      ]),
      1,
    );
    const dots = historyOps(sim.logs.history)
      .filter((h) => h.f === 'write' && h.type === 'ok')
      .map((h) => h.meta?.dot);
    expect(dots).toEqual(['n2:1', 'n2~1:1']);
    const { metrics } = leaderlessOutcome(sim);
    expect(metrics.lostWrites).toBe(0);
    expect(metrics.keysWithSiblings).toBe(1);
  });
});
