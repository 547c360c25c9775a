import { expect, it } from 'vitest';
import { findBuiltin } from './builtin';
import { runScenario } from './run';

it('a user read sent to a chosen follower is answered by that follower', () => {
  const scenario = findBuiltin('sync-vs-async');
  if (scenario === undefined) throw new Error('missing built-in scenario');
  // user-1234 reads from the leader by default; this one read goes to follower-2.
  const sim = runScenario(scenario, 1, [
    {
      at: 1500,
      type: 'client-op',
      client: 'user-1234',
      op: { f: 'read', key: 'users.1234.picture_url', readFrom: { replica: 'follower-2' } },
    },
  ]);
  const answered = sim.logs.history.filter(
    (op) => op.type === 'ok' && op.f === 'read' && op.process === 'user-1234',
  );
  expect(answered.map((op) => op.node)).toContain('follower-2');
});
