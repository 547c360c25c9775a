import { describe, expect, it } from 'vitest';
import { findAnyBuiltin } from '../../scenarios/builtin';
import { inspect } from '../inspect';
import { groupArrangement, nodeGroups } from '../nodeGroups';
import { createSession, inject, injectAll, seek } from '../session';
import { buildView } from '../view';

function sessionAt(id: string, t: number) {
  const scenario = findAnyBuiltin(id);
  if (scenario === undefined) throw new Error(`no scenario ${id}`);
  const session = createSession(scenario, scenario.seed);
  seek(session, t);
  return session;
}

describe('multi-leader in the store', () => {
  it('groups nodes by datacenter and names each node’s role and datacenter', () => {
    const session = sessionAt('ml-inter-dc-partition', 200);
    expect(nodeGroups(session.scenario).map((g) => [g.label, g.members])).toEqual([
      ['Datacenter eu', ['eu-1', 'eu-2']],
      ['Datacenter us', ['us-1', 'us-2']],
    ]);
    const roles = buildView(session).nodes.map((n) => [n.id, n.role, n.datacenter]);
    expect(roles).toEqual([
      ['eu-1', 'leader', 'eu'],
      ['eu-2', 'follower', 'eu'],
      ['us-1', 'leader', 'us'],
      ['us-2', 'follower', 'us'],
    ]);
  });

  it('shows a broken ring as changes owed, and the queue empties once re-routed', () => {
    const during = sessionAt('ml-ring-node-fails', 2000);
    const n1 = buildView(during).nodes.find((n) => n.id === 'n1');
    expect(n1?.holding?.words).toMatch(/owes \d+ change/);
    const inspection = inspect(during, { kind: 'node', id: 'n1' });
    if (inspection?.kind !== 'node') throw new Error('expected a node inspection');
    expect(inspection.queues?.owed.map((o) => o.to)).toEqual(['n2']);
    expect(inspection.queues?.sendsTo).toEqual(['n2']);
    const after = inspect(sessionAt('ml-ring-node-fails', 3500), { kind: 'node', id: 'n1' });
    if (after?.kind !== 'node') throw new Error('expected a node inspection');
    expect(after.queues?.sendsTo).toEqual(['n3']);
    expect(after.queues?.owed).toEqual([]);
  });

  it('says where a leader that was down when the ring was re-routed sends once it restarts', () => {
    const session = sessionAt('ml-ring-node-fails', 3000);
    const queues = (id: string) => {
      const inspection = inspect(session, { kind: 'node', id });
      if (inspection?.kind !== 'node') throw new Error('expected a node inspection');
      return inspection.queues;
    };
    // n2 crashed before the operator closed the ring without it: back up, it sends to nobody.
    expect(queues('n2')?.sendsTo).toEqual(['n3']);
    expect(queues('n2')?.onRestartSendsTo).toEqual([]);
    expect(queues('n1')?.onRestartSendsTo).toBeNull();
    inject(session, { type: 'restart', node: 'n2' });
    seek(session, 3100);
    expect(queues('n2')?.sendsTo).toEqual([]);
    expect(queues('n2')?.onRestartSendsTo).toBeNull();
  });

  it('lists no conflict before the heal and one, with its discarded write, after', () => {
    expect(buildView(sessionAt('ml-inter-dc-partition', 1500)).conflicts).toEqual([]);
    const [conflict, ...rest] = buildView(sessionAt('ml-inter-dc-partition', 3000)).conflicts;
    expect(rest).toEqual([]);
    expect(conflict?.key).toBe('event.venue');
    expect(conflict?.writes.map((w) => w.value).sort()).toEqual(['Boston', 'Paris']);
    expect(conflict?.discarded).toHaveLength(1);
    expect(conflict?.discarded[0]?.value).not.toBe(conflict?.result);
  });

  it('forgets conflicts it found after stepping back before them', () => {
    const session = sessionAt('ml-inter-dc-partition', 3000);
    expect(buildView(session).conflicts).toHaveLength(1);
    seek(session, 1000);
    expect(buildView(session).conflicts).toEqual([]);
  });

  it('starts over when an input in the past rewrites the trace to the same length or longer', () => {
    const session = sessionAt('ml-two-datacenters', 3000);
    expect(buildView(session).conflicts).toEqual([]);
    // Both users write one key at once, each on their own leader: a conflict, found by 3000.
    seek(session, 500);
    const at = (client: string, value: string) => ({
      type: 'client-op' as const,
      client,
      op: { f: 'write' as const, key: 'k', value },
    });
    injectAll(session, [
      { input: at('alice', 'A'), delayMs: 0 },
      { input: at('bob', 'B'), delayMs: 0 },
    ]);
    seek(session, 3000);
    expect(buildView(session).conflicts.map((c) => c.key)).toEqual(['k']);
  });
});

const arrows = (id: string, t: number) =>
  buildView(sessionAt(id, t))
    .routes.map((r) => `${r.from}>${r.to}`)
    .sort();

describe('multi-leader routes in the view', () => {
  it('follow the ring, one way, and change when the operator re-routes it', () => {
    expect(arrows('ml-ring-node-fails', 1000)).toEqual(['n1>n2', 'n2>n3', 'n3>n4', 'n4>n1']);
    // At 2500 ms the ring skips n2; n2, down, never heard of it and keeps its old target.
    expect(arrows('ml-ring-node-fails', 3000)).toEqual(['n1>n3', 'n2>n3', 'n3>n4', 'n4>n1']);
  });

  it('join a leader to its followers and, in all-to-all, every leader both ways', () => {
    expect(arrows('ml-inter-dc-partition', 100)).toEqual([
      'eu-1>eu-2',
      'eu-1>us-1',
      'us-1>eu-1',
      'us-1>us-2',
    ]);
  });

  it('keep the same array while nothing re-routes, so the links do not re-render', () => {
    const session = sessionAt('ml-ring-node-fails', 1000);
    const before = buildView(session).routes;
    seek(session, 1500);
    expect(buildView(session).routes).toBe(before);
  });

  it('are empty for other families', () => {
    expect(buildView(sessionAt('add-follower', 100)).routes).toEqual([]);
  });

  it('put a star’s hub datacenter in the middle of a ring of datacenters', () => {
    const star = findAnyBuiltin('ml-star-hub-fails');
    if (star === undefined) throw new Error('no star scenario');
    expect(groupArrangement(star)).toMatchObject({ ring: true, centre: 'hq' });
  });
});
