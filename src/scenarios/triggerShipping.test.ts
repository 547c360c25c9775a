/**
 * Trigger-based replication's separate process ships a change only once it is old enough, so
 * followers apply it later than with the database's own (logical) replication.
 */
import { describe, expect, it } from 'vitest';
import { nodeRuntime } from '../engine/simulation';
import { protocolEntries } from '../engine/traceLog';
import { findBuiltin } from './builtin';
import { runScenario } from './run';
import type { Scenario } from './schema';

/** How long after the leader appended each entry follower n2 applied it. */
function applyDelays(scenario: Scenario, seed: number): number[] {
  const sim = runScenario(scenario, seed);
  const log = nodeRuntime(sim, 'n1')?.state.storage.log ?? [];
  const applied = protocolEntries(sim.logs.trace, 'apply').filter((t) => t.node === 'n2');
  return log.map((entry) => {
    const at = applied.find((t) => t.detail === entry.pos)?.t;
    if (at === undefined) throw new Error(`n2 never applied #${entry.pos}`);
    return at - entry.appendedAt;
  });
}

describe('trigger-based shipping', () => {
  const scenario = findBuiltin('trigger-based-filtered');
  if (scenario === undefined) throw new Error('missing scenario');
  const delayMs = scenario.cluster.logFormat?.triggerDelayMs ?? 0;

  it('applies each change on the follower no sooner than the process delay', () => {
    for (let seed = 1; seed <= 10; seed++) {
      for (const delay of applyDelays(scenario, seed))
        expect(delay).toBeGreaterThanOrEqual(delayMs);
    }
  });

  it('is slower than logical replication of the same writes', () => {
    const logFormat = {
      ...(scenario.cluster.logFormat as NonNullable<Scenario['cluster']['logFormat']>),
      format: 'logical' as const,
    };
    const logical = { ...scenario, cluster: { ...scenario.cluster, logFormat } };
    for (let seed = 1; seed <= 10; seed++) {
      for (const delay of applyDelays(logical, seed)) expect(delay).toBeLessThan(delayMs);
    }
  });
});
