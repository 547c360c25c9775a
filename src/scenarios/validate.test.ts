import { describe, expect, it } from 'vitest';
import { builtinScenarios } from './builtin';
import { parseScenario, parseScenarioText } from './validate';

const valid = {
  id: 'tiny',
  title: 'Tiny',
  summary: 'A two-node cluster.',
  durationMs: 1000,
  cluster: { nodes: ['n1', 'n2'], leader: 'n1' },
  clients: ['user-1'],
  timeline: [{ at: 10, type: 'write', client: 'user-1', key: 'x', value: 1 }],
};

function errorsOf(input: unknown): string[] {
  const result = parseScenario(input);
  return result.ok ? [] : result.errors;
}

describe('scenario validation', () => {
  it('accepts a minimal scenario and fills in defaults', () => {
    const result = parseScenario(valid);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.scenario.cluster.monitor).toBe('monitor');
      expect(result.scenario.network.latency.baseMs).toBeGreaterThan(0);
    }
  });

  it('names each bad field', () => {
    const errors = errorsOf({
      ...valid,
      durationMs: -5,
      cluster: { nodes: ['n1'], leader: 'n9', followers: { n1: 'fast' } },
    });
    expect(errors.some((e) => e.startsWith('durationMs:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('cluster.followers.n1:'))).toBe(true);
  });

  it('checks cross-field rules: leader, partition members, clients, timing', () => {
    const errors = errorsOf({
      ...valid,
      cluster: { nodes: ['n1', 'n2'], leader: 'n9' },
      timeline: [
        { at: 10, type: 'write', client: 'ghost', key: 'x', value: 1 },
        { at: 20, type: 'partition', groups: [['n1'], ['n7']] },
        { at: 5000, type: 'crash', node: 'n2' },
      ],
    });
    expect(errors).toContain('cluster.leader: "n9" is not one of cluster.nodes');
    expect(errors).toContain('timeline[0].client: unknown client "ghost"');
    expect(errors).toContain('timeline[1].groups[1][0]: unknown node or client "n7"');
    expect(errors).toContain('timeline[2].at: 5000 ms is after the end (durationMs 1000)');
  });

  it('rejects unknown fields instead of ignoring a typo', () => {
    expect(errorsOf({ ...valid, duration: 5 })[0]).toMatch(/duration/);
  });

  it('reports text that is not JSON', () => {
    const result = parseScenarioText('{ "id": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/not valid JSON/);
  });

  it('accepts every built-in scenario as written', () => {
    expect(builtinScenarios.length).toBeGreaterThanOrEqual(6);
    for (const s of builtinScenarios) expect(parseScenario(s).ok).toBe(true);
  });

  it('checks data partitions: every node in exactly one, led by one of its own, no monitor', () => {
    const errors = errorsOf({
      ...valid,
      cluster: {
        nodes: ['a1', 'a2', 'b1', 'b2', 'c1'],
        leader: 'a1',
        partitions: [
          { id: 'a', leader: 'a1', nodes: ['a1', 'a2'], keys: ['q'] },
          { id: 'b', leader: 'a1', nodes: ['b1', 'b2', 'a2'], keys: ['q'] },
        ],
      },
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        `cluster.partitions[1].leader: "a1" is not one of the partition's nodes`,
        `cluster.partitions[1].nodes[2]: "a2" is already in partition "a"`,
        `cluster.partitions[1].keys[0]: "q" is already in partition "a"`,
        'cluster.partitions: node "c1" is in no partition',
        'cluster.monitor: must be null with partitions (failover per partition is not modelled)',
      ]),
    );
  });

  it('accepts client ids that name a device, and rejects unknown cures', () => {
    const devices = { ...valid, clients: ['user-1@phone', 'user-1@laptop'], timeline: [] };
    expect(errorsOf(devices)).toEqual([]);
    expect(errorsOf({ ...devices, clients: ['user@1@2'] })[0]).toMatch(/^clients\[0\]:/);
    expect(errorsOf({ ...valid, cures: { readYourWrites: 'always' } })[0]).toMatch(
      /^cures\.readYourWrites:/,
    );
  });
});
