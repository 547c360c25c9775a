/**
 * The operator re-routes the topology while a leader is down: the leader takes the new topology
 * when it comes back (its configuration changed on disk), and its writes reach every leader.
 */
import { describe, expect, it } from 'vitest';
import { nodeRuntime } from '../engine/simulation';
import { multiLeaderReplicaViews } from '../protocols/multi-leader/outcome';
import type { MultiLeaderNode } from '../protocols/multi-leader/state';
import { multiLeaderRun } from './multiLeaderRandomRuns';
import { runMultiLeaderScenario } from './multiLeaderRun';

function rerouteWhileDown(seed: number) {
  const { scenario } = multiLeaderRun({
    seed,
    scenario: {
      id: 'reroute-while-down',
      protocol: 'multi-leader',
      title: 'Re-route while a leader is down',
      summary: 'A ring becomes all-to-all while leader b is down.',
      durationMs: 6000,
      cluster: {
        datacenters: ['a', 'b', 'c'].map((d) => ({
          id: d,
          leader: `L-${d}`,
          followers: [],
          clients: [`u-${d}`],
        })),
        topology: { circular: ['L-a', 'L-b', 'L-c'] },
        conflicts: 'lww',
      },
      timeline: [
        { at: 500, type: 'crash-dc', dc: 'b' },
        { at: 800, type: 'set-topology', topology: 'all-to-all' },
        { at: 1500, type: 'restart-dc', dc: 'b' },
        // The ring is gone: only b's own targets carry this write to a (c no longer relays).
        { at: 2500, type: 'write', client: 'u-b', key: 'k', value: 'from-b' },
      ],
    },
  });
  return runMultiLeaderScenario(scenario, seed);
}

describe('re-routing while a leader is down', () => {
  it.each([1, 2, 3])('the leader takes the new topology when it restarts (seed %i)', (seed) => {
    const sim = rerouteWhileDown(seed);
    const b = nodeRuntime(sim, 'L-b')?.state as MultiLeaderNode;
    expect(b.topology.kind).toBe('all-to-all');
    expect([...b.targets].sort()).toEqual(['L-a', 'L-c']);
    const views = multiLeaderReplicaViews(sim);
    for (const leader of ['L-a', 'L-b', 'L-c'])
      expect(views[leader]?.data.k?.value, leader).toBe('from-b');
  });
});
