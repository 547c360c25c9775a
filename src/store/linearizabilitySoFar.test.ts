import { describe, expect, it } from 'vitest';
import { findAnyBuiltin } from '../scenarios/builtin';
import { linearizabilitySoFar } from './anomalies';
import { createSession, seek } from './session';

function sessionAtEnd(id: string, seed: number) {
  const scenario = findAnyBuiltin(id);
  if (scenario === undefined) throw new Error(`no scenario ${id}`);
  const session = createSession(scenario, seed);
  seek(session, scenario.durationMs);
  return session;
}

describe('linearizability of the history so far', () => {
  it('holds when every read goes to a leader with synchronous followers', () => {
    for (const seed of [1, 2, 3]) {
      expect(linearizabilitySoFar(sessionAtEnd('guarantees-leader-sync', seed)).verdict).toBe(
        'linearizable',
      );
    }
  });

  it('is violated by stale reads from asynchronous followers, naming the operations', () => {
    const verdicts = [1, 2, 3, 4].map((seed) =>
      linearizabilitySoFar(sessionAtEnd('guarantees-async-followers', seed)),
    );
    const violated = verdicts.filter((v) => v.verdict === 'violated');
    expect(violated.length).toBeGreaterThan(0);
    for (const v of violated) {
      expect(v.findings.length).toBeGreaterThan(0);
      for (const f of v.findings) expect(f.ops.length).toBeGreaterThanOrEqual(2);
    }
  });
});
