import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../scenarios/builtin';
import { createSession, injectAll, seek } from './session';
import { upstreamInputs } from './upstreamInputs';
import { buildView } from './view';

const scenario = findBuiltin('cascading-followers');
if (scenario === undefined) throw new Error('missing built-in scenario');
const replicas = ['n1', 'n2', 'n3', 'n4'];
const batch = (follower: string, upstream: string | null) =>
  upstreamInputs(replicas, follower, upstream).map((input) => ({ input }));
const upstreamOf = (session: ReturnType<typeof createSession>, id: string) =>
  buildView(session).nodes.find((n) => n.id === id)?.depth.upstream;

describe('re-attaching a follower by hand', () => {
  it('moves it to the chosen upstream, or back to the leader', () => {
    const session = createSession(scenario, 1);
    seek(session, 1000);
    injectAll(session, batch('n4', 'n2'));
    expect(upstreamOf(session, 'n4')).toBe('n2');
    injectAll(session, batch('n4', null));
    expect(upstreamOf(session, 'n4')).toBeNull();
  });

  it('refuses a loop, naming the field, and records nothing', () => {
    const session = createSession(scenario, 1);
    seek(session, 1000);
    // n4 gets its log from n3, which gets it from n2: n2 cannot replicate from n4.
    expect(() => injectAll(session, batch('n2', 'n4'))).toThrow(
      'upstream: n4 already replicates from n2 (through its upstreams): that would be a loop',
    );
    expect(() => injectAll(session, batch('n3', 'n3'))).toThrow(
      'upstream: a follower cannot replicate from itself',
    );
    expect(session.userInputs).toEqual([]);
    expect(upstreamOf(session, 'n2')).toBeNull();
  });
});
