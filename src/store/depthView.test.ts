import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../scenarios/builtin';
import { createSession, inject, seek } from './session';
import { buildView } from './view';

function builtin(id: string) {
  const scenario = findBuiltin(id);
  if (scenario === undefined) throw new Error(`missing built-in scenario ${id}`);
  return scenario;
}

const nodeOf = (session: ReturnType<typeof createSession>, id: string) => {
  const node = buildView(session).nodes.find((n) => n.id === id);
  if (node === undefined) throw new Error(`no node ${id}`);
  return node;
};

describe('in-depth node views', () => {
  it('follow a follower added by replaying the log: refusing reads, then serving them', () => {
    const session = createSession(builtin('follower-crash-catch-up'), 1);
    seek(session, 1500);
    inject(session, { type: 'add-node', node: 'n4', args: { bootstrap: 'full-log' } });
    const joining = nodeOf(session, 'n4').depth.bootstrap;
    expect(joining).toMatchObject({ method: 'full-log', servesReads: false, readyMs: null });
    seek(session, 2500);
    const ready = nodeOf(session, 'n4').depth.bootstrap;
    expect(ready?.servesReads).toBe(true);
    expect(ready?.readyMs).toBeGreaterThan(0);
    expect(nodeOf(session, 'n1').depth.bootstrap).toBeNull();
  });

  it('refuse a second node of the same name or an unknown method, keeping the inputs', () => {
    const session = createSession(builtin('follower-crash-catch-up'), 1);
    seek(session, 500);
    inject(session, { type: 'add-node', node: 'n4', args: { bootstrap: 'snapshot' } });
    const recorded = session.userInputs.length;
    expect(() => inject(session, { type: 'add-node', node: 'n4' })).toThrow(
      'node: "n4" already exists',
    );
    expect(() =>
      inject(session, { type: 'add-node', node: 'n5', args: { bootstrap: 'rsync' } }),
    ).toThrow('bootstrap: must be "snapshot" or "full-log" (got "rsync")');
    expect(session.userInputs.length).toBe(recorded);
  });

  it('show a cascaded follower’s upstream, and its giving up on a crashed one', () => {
    const session = createSession(builtin('cascading-followers'), 1);
    seek(session, 1000);
    expect(nodeOf(session, 'n4').depth).toMatchObject({ upstream: 'n3', upstreamLost: false });
    expect(nodeOf(session, 'n2').depth.upstream).toBeNull();
    seek(session, 2500);
    expect(nodeOf(session, 'n4').depth.upstreamLost).toBe(true);
  });

  it('show a recovering leader’s write barrier up, then lifted', () => {
    const session = createSession(builtin('recovering-leader-barrier'), 1);
    seek(session, 1705);
    expect(nodeOf(session, 'n1').depth.barrier).toMatchObject({
      state: 'up',
      phase: 'waiting-followers',
    });
    for (let t = 1725; nodeOf(session, 'n1').depth.barrier?.state === 'up' && t < 3000; t += 20)
      seek(session, t);
    expect(nodeOf(session, 'n1').depth.barrier?.state).toBe('lifted');
  });
});
