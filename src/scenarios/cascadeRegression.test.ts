import { describe, expect, it } from 'vitest';
import { nodeRuntime, runUntilQuiet } from '../engine/simulation';
import { converged } from '../protocols/single-leader/outcome';
import { runScenario } from './run';
import { parseScenario } from './validate';

describe('cascading replication', () => {
  it('a follower that was down when its upstream changed learns it from the leader and converges', () => {
    // Found by the cascade property: n4 missed the set-upstream command (it was down), so the
    // leader stopped sending it entries while n4 ignored n2's relays.
    const parsed = parseScenario({
      id: 'missed-set-upstream',
      title: 'Missed set-upstream',
      summary: 'n4 is down when it is attached to n2.',
      durationMs: 6000,
      cluster: { nodes: ['n1', 'n2', 'n3', 'n4'], leader: 'n1', monitor: null },
      network: { latency: { baseMs: 5, jitterMs: 0 } },
      timeline: [
        { at: 200, type: 'crash', node: 'n4' },
        { at: 200, type: 'set-upstream', follower: 'n4', upstream: 'n2' },
        { at: 250, type: 'restart', node: 'n4' },
      ],
      workload: { clients: ['user-1'], toMs: 3000, meanGapMs: 60, keys: ['a', 'b'] },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const sim = runScenario(parsed.scenario, 0);
    expect(runUntilQuiet(sim, 3000, 20_000)).toBe(true);
    expect(nodeRuntime(sim, 'n4')?.state.upstreams.n4).toBe('n2');
    expect(converged(sim)).toBe(true);
    expect(nodeRuntime(sim, 'n4')?.state.storage.data).toEqual(
      nodeRuntime(sim, 'n1')?.state.storage.data,
    );
  });
});
