import { describe, expect, it } from 'vitest';
import { parseAnyScenario } from './validateLeaderless';

const base = {
  id: 'm',
  protocol: 'multi-leader',
  title: 't',
  summary: 's',
  durationMs: 1000,
  cluster: {
    datacenters: [
      { id: 'eu', leader: 'eu-1', followers: ['eu-2'], clients: ['alice'] },
      { id: 'us', leader: 'us-1', clients: ['bob'] },
    ],
  },
};

function errorsOf(input: unknown): string[] {
  const result = parseAnyScenario(input);
  return result.ok ? [] : result.errors;
}

const withCluster = (extra: Record<string, unknown>) => ({
  ...base,
  cluster: { ...base.cluster, ...extra },
});

describe('multi-leader scenario validation', () => {
  it('fills in the defaults', () => {
    const result = parseAnyScenario(base);
    expect(result.ok).toBe(true);
    if (result.ok && result.scenario.protocol === 'multi-leader') {
      expect(result.scenario.cluster).toMatchObject({
        topology: 'all-to-all',
        conflicts: 'lww',
        values: 'register',
        versionVectors: false,
      });
      expect(result.scenario.topic).toBe('multi-leader');
    }
  });

  it('names the field of a topology over unknown or repeated leaders', () => {
    expect(errorsOf(withCluster({ topology: { circular: ['eu-1', 'eu-2'] } }))).toEqual([
      'cluster.topology.circular[1]: "eu-2" is not a leader',
    ]);
    expect(errorsOf(withCluster({ topology: { star: 'hub' } }))).toEqual([
      'cluster.topology.star: "hub" is not a leader',
    ]);
    expect(errorsOf(withCluster({ topology: { custom: [['us-1', 'us-1']] } }))).toEqual([
      'cluster.topology.custom[0]: a link from "us-1" to itself',
    ]);
  });

  it('refuses a node used twice, a client in two datacenters, a home that is not a leader', () => {
    const twice = {
      datacenters: [
        { id: 'eu', leader: 'n1', clients: ['alice'] },
        { id: 'us', leader: 'n2', followers: ['n1'], clients: ['alice'] },
      ],
      homes: { 'profile.alice': 'n3' },
    };
    expect(errorsOf({ ...base, cluster: twice })).toEqual([
      'cluster.datacenters[1].followers[0]: node "n1" is used twice',
      'cluster.datacenters[1].clients[0]: "alice" is in two datacenters',
      'cluster.homes.profile.alice: "n3" is not a leader',
    ]);
  });

  it('names the step and field of unknown datacenters, leaders and single-leader steps', () => {
    const timeline = [
      { at: 10, type: 'partition-dcs', groups: [['eu'], ['asia']] },
      { at: 20, type: 'crash-dc', dc: 'mars' },
      { at: 30, type: 'set-home', key: 'k', leader: 'eu-2' },
      { at: 40, type: 'failover' },
      { at: 50, type: 'set-topology', topology: { star: 'bob' } },
      { at: 2000, type: 'write', client: 'carol', key: 'k', value: 1 },
    ];
    expect(errorsOf({ ...base, timeline })).toEqual([
      'timeline[0].groups[1][0]: unknown datacenter "asia"',
      'timeline[1].dc: unknown datacenter "mars"',
      'timeline[2].leader: unknown leader "eu-2"',
      'timeline[3].type: "failover" is a single-leader step; multi-leader clusters have no single leader',
      'timeline[4].topology.star: "bob" is not a leader',
      'timeline[5].at: 2000 ms is after the end (durationMs 1000)',
      'timeline[5].client: unknown client "carol"',
    ]);
  });

  it('rejects a bad strategy or value kind by its path', () => {
    expect(errorsOf(withCluster({ conflicts: 'coin-toss' }))[0]).toMatch(/^cluster\.conflicts: /);
    expect(errorsOf(withCluster({ values: 'tree' }))[0]).toMatch(/^cluster\.values: /);
  });

  it('names multi-leader among the protocols it knows', () => {
    expect(errorsOf({ ...base, protocol: 'raft' })[0]).toContain('multi-leader');
  });
});
