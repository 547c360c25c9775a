import { describe, expect, it } from 'vitest';
import { parseScenario } from './validate';

const base = {
  id: 'formats',
  title: 'Formats',
  summary: 'Statements under a log format.',
  durationMs: 1000,
  cluster: { nodes: ['n1', 'n2'], leader: 'n1', logFormat: 'statement' },
  clients: ['app'],
  timeline: [{ at: 10, type: 'statement', client: 'app', sql: "INSERT INTO t (a) VALUES ('x')" }],
};

function errorsOf(input: unknown): string[] {
  const result = parseScenario(input);
  return result.ok ? [] : result.errors;
}

describe('log-format scenario fields', () => {
  it('accepts the format by name and fills in the other settings', () => {
    const result = parseScenario(base);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.scenario.cluster.logFormat).toMatchObject({
      format: 'statement',
      substituteNondeterministic: false,
      engineVersions: {},
    });
  });

  it('names the step and the position of a statement that does not parse', () => {
    const timeline = [
      { at: 10, type: 'statement', client: 'app', sql: 'UPDATE t SET n = n + WHERE id = 1' },
    ];
    expect(errorsOf({ ...base, timeline })).toEqual([
      'timeline[0].sql: position 22: expected a value, a column, NOW() or RAND(), found "WHERE"',
    ]);
  });

  it('checks trigger bodies, the nodes named, and the format name', () => {
    const logFormat = {
      format: 'logical',
      triggers: [{ table: 'users', on: 'update', sql: 'INSERT audit VALUES (1)', nodes: ['n7'] }],
      engineVersions: { n9: 'v2' },
    };
    const timeline = [{ at: 10, type: 'upgrade', node: 'n5', version: 'v2' }];
    expect(errorsOf({ ...base, cluster: { ...base.cluster, logFormat }, timeline })).toEqual([
      'cluster.logFormat.triggers[0].sql: position 8: expected INTO, found "audit"',
      'cluster.logFormat.triggers[0].nodes[0]: "n7" is not a node of the cluster',
      'cluster.logFormat.engineVersions.n9: "n9" is not a node of the cluster',
      'timeline[0].node: unknown node "n5"',
    ]);
    const badFormat = errorsOf({ ...base, cluster: { ...base.cluster, logFormat: 'binlog' } });
    expect(badFormat).toHaveLength(1);
    expect(badFormat[0]).toMatch(/^cluster\.logFormat\.format: /);
  });

  it('refuses a version that is not vN', () => {
    const timeline = [{ at: 10, type: 'upgrade', node: 'n2', version: '2.0' }];
    expect(errorsOf({ ...base, timeline })).toEqual([
      'timeline[0].version: a version such as "v1" or "v2"',
    ]);
  });
});
