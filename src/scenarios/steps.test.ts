import { describe, expect, it } from 'vitest';
import { historyOps } from '../engine/historyLog';
import { nodeRuntime } from '../engine/simulation';
import { failovers } from '../protocols/single-leader/outcome';
import { runScenario } from './run';
import { parseScenario } from './validate';

function scenario(timeline: unknown[]) {
  const result = parseScenario({
    id: 'steps',
    title: 'Steps',
    summary: 'Operator steps on the timeline.',
    durationMs: 3000,
    cluster: { nodes: ['n1', 'n2', 'n3'], leader: 'n1' },
    clients: ['user-1'],
    timeline,
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

describe('operator steps', () => {
  it('set-mode makes a follower synchronous for the writes after it', () => {
    const sim = runScenario(
      scenario([
        { at: 100, type: 'write', client: 'user-1', key: 'x', value: 1 },
        { at: 500, type: 'set-mode', follower: 'n2', mode: 'sync' },
        { at: 600, type: 'write', client: 'user-1', key: 'x', value: 2 },
      ]),
      1,
    );
    const acks = historyOps(sim.logs.history)
      .filter((h) => h.type === 'ok' && h.f === 'write')
      .map((h) => h.meta?.syncAcks);
    expect(acks).toEqual([0, 1]);
    // Every replica learned the mode, so it outlives a failover.
    for (const id of ['n1', 'n2', 'n3']) expect(nodeRuntime(sim, id)?.state.modes.n2).toBe('sync');
  });

  it('failover hands leadership to a follower while the old leader is still up', () => {
    const sim = runScenario(scenario([{ at: 500, type: 'failover' }]), 1);
    const [switchover] = failovers(sim);
    expect(switchover?.from).toBe('n1');
    expect(switchover?.oldLeaderUp).toBe(true);
    expect(nodeRuntime(sim, 'n1')?.state.role).toBe('follower');
    expect(nodeRuntime(sim, switchover?.to ?? '')?.state.role).toBe('leader');
  });

  it('refuses a failover step without a monitor, naming the field', () => {
    const result = parseScenario({
      id: 'x',
      title: 'x',
      summary: 'x',
      durationMs: 100,
      cluster: { nodes: ['n1'], leader: 'n1', monitor: null },
      timeline: [{ at: 10, type: 'failover' }],
    });
    expect(result.ok ? [] : result.errors).toEqual([
      'timeline[0].type: a failover needs a monitor (cluster.monitor)',
    ]);
  });
});
