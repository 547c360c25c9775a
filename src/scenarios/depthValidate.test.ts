import { describe, expect, it } from 'vitest';
import { compileScenario } from './compile';
import { parseScenario } from './validate';

const base = {
  id: 'depth',
  title: 'Depth',
  summary: 'Cascading and bootstrapping settings.',
  durationMs: 2000,
  cluster: { nodes: ['n1', 'n2', 'n3'], leader: 'n1', monitor: null },
};

function errorsOf(input: unknown): string[] {
  const result = parseScenario(input);
  return result.ok ? [] : result.errors;
}

describe('in-depth scenario settings', () => {
  it('default to the foundation: snapshot bootstrap, no cascade, no peers, no barrier', () => {
    const result = parseScenario(base);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const { protocol } = compileScenario(result.scenario).config;
    expect(protocol).toMatchObject({
      bootstrap: 'snapshot',
      upstreams: {},
      peerCatchUp: false,
      writeBarrier: false,
      promotionCatchUp: false,
    });
  });

  it('name the field of a bad upstream: unknown node, or a loop', () => {
    expect(errorsOf({ ...base, cluster: { ...base.cluster, upstreams: { n3: 'n9' } } })).toContain(
      'cluster.upstreams.n3: "n9" is not a node of the cluster',
    );
    const loop = errorsOf({
      ...base,
      cluster: { ...base.cluster, upstreams: { n2: 'n3', n3: 'n2' } },
    });
    expect(loop).toContain('cluster.upstreams.n2: the chain of upstreams loops back to "n2"');
  });

  it('name the field of a bad step: a method that does not exist, a follower feeding itself', () => {
    const errors = errorsOf({
      ...base,
      timeline: [
        { at: 10, type: 'add-node', node: 'n4', bootstrap: 'rsync' },
        { at: 20, type: 'set-upstream', follower: 'n3', upstream: 'n3' },
      ],
    });
    expect(errors.some((e) => e.startsWith('timeline[0].bootstrap:'))).toBe(true);
    const self = errorsOf({
      ...base,
      timeline: [{ at: 20, type: 'set-upstream', follower: 'n3', upstream: 'n3' }],
    });
    expect(self).toContain('timeline[0].upstream: a follower cannot replicate from itself');
  });

  it('compile add-node with its method, and set-upstream as a command to every replica', () => {
    const result = parseScenario({
      ...base,
      timeline: [
        { at: 10, type: 'add-node', node: 'n4', bootstrap: 'full-log' },
        { at: 20, type: 'set-upstream', follower: 'n3', upstream: 'n2' },
      ],
    });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const { inputs } = compileScenario(result.scenario);
    expect(inputs[0]).toEqual({
      at: 10,
      type: 'add-node',
      node: 'n4',
      args: { bootstrap: 'full-log' },
    });
    const commands = inputs.filter((i) => i.type === 'command');
    expect(commands.map((c) => (c.type === 'command' ? c.node : ''))).toEqual([
      'n1',
      'n2',
      'n3',
      'n4',
    ]);
    expect(commands[0]).toMatchObject({
      command: 'set-upstream',
      args: { follower: 'n3', upstream: 'n2' },
    });
  });
});
