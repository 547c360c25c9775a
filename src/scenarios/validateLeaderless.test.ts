import { describe, expect, it } from 'vitest';
import { builtinScenarios } from './builtin';
import { parseAnyScenario } from './validateLeaderless';

const base = {
  id: 'q',
  protocol: 'leaderless',
  title: 't',
  summary: 's',
  durationMs: 1000,
  cluster: { nodes: ['n1', 'n2', 'n3'] },
  clients: ['c1'],
};

function errorsOf(input: unknown): string[] {
  const result = parseAnyScenario(input);
  return result.ok ? [] : result.errors;
}

describe('leaderless scenario validation', () => {
  it('fills in the defaults', () => {
    const result = parseAnyScenario(base);
    expect(result.ok).toBe(true);
    if (result.ok && result.scenario.protocol === 'leaderless') {
      expect(result.scenario.cluster).toMatchObject({ n: 3, w: 2, r: 2, conflicts: 'siblings' });
      expect(result.scenario.topic).toBe('leaderless');
    }
  });

  it('accepts the client as coordinator, for everyone or for one client, and names a bad choice', () => {
    const nodes = ['n1', 'n2', 'n3'];
    const everyone = parseAnyScenario({ ...base, cluster: { nodes, coordinator: 'client' } });
    expect(everyone.ok && everyone.scenario.protocol === 'leaderless').toBe(true);
    if (everyone.ok && everyone.scenario.protocol === 'leaderless')
      expect(everyone.scenario.cluster.coordinator).toBe('client');
    expect(errorsOf({ ...base, cluster: { nodes, clientCoordinators: { c1: 'client' } } })).toEqual(
      [],
    );
    const errors = errorsOf({ ...base, cluster: { nodes, coordinator: 'myself' } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^cluster\.coordinator: /);
  });

  it('names the field for impossible quorums', () => {
    expect(errorsOf({ ...base, cluster: { nodes: ['n1', 'n2', 'n3'], n: 3, w: 4 } })).toEqual([
      'cluster.w: a write cannot wait for 4 acknowledgements from 3 replicas',
    ]);
    expect(errorsOf({ ...base, cluster: { nodes: ['n1', 'n2', 'n3'], n: 3, r: 4 } })[0]).toMatch(
      /^cluster\.r: /,
    );
    expect(errorsOf({ ...base, cluster: { nodes: ['n1', 'n2'], n: 3 } })[0]).toMatch(
      /^cluster\.n: /,
    );
    expect(errorsOf({ ...base, cluster: { nodes: ['n1'], n: 1, w: 0 } })).toEqual([
      'cluster.w: must be at least 1',
    ]);
  });

  it('rejects single-leader steps, unknown coordinators and unknown protocols', () => {
    const steps = errorsOf({ ...base, timeline: [{ at: 10, type: 'failover' }] });
    expect(steps[0]).toMatch(/^timeline\[0\]\.type: "failover" is a single-leader step/);
    const coordinator = errorsOf({
      ...base,
      cluster: { nodes: ['n1', 'n2', 'n3'], clientCoordinators: { c1: { node: 'n9' } } },
    });
    expect(coordinator).toEqual(['cluster.clientCoordinators.c1.node: "n9" is not a node']);
    expect(errorsOf({ ...base, protocol: 'paxos' })[0]).toMatch(
      /^protocol: unknown protocol "paxos"/,
    );
  });

  it('keeps every single-leader scenario valid unchanged', () => {
    for (const s of builtinScenarios) expect(parseAnyScenario(s).ok).toBe(true);
  });
});
