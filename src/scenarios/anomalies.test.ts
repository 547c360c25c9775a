import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countByKind } from '../checker';
import { converged, lostWrites } from '../protocols/single-leader/outcome';
import { runAnomalies } from './anomalies';
import { randomRunArb } from './randomRuns';
import { runScenario } from './run';
import type { ScenarioInput } from './schema';
import { parseScenario } from './validate';

describe('the checker on single-leader runs', () => {
  it('reports exactly the lost writes the outcome analysis finds, and divergence exactly when replicas did not converge', () => {
    let sawLoss = false;
    fc.assert(
      fc.property(
        randomRunArb({ mode: 'async', leaderFaults: true, maxLeaderFaults: 2 }),
        ({ scenario, seed }) => {
          const sim = runScenario(scenario, seed);
          const findings = runAnomalies(scenario, sim);
          const lost = findings.filter((f) => f.kind === 'lost-write').map((f) => f.ops[0]);
          expect(lost.sort()).toEqual(
            lostWrites(sim)
              .map((w) => w.opId)
              .sort(),
          );
          expect(countByKind(findings).divergence === 0).toBe(converged(sim));
          if (lost.length > 0) sawLoss = true;
        },
      ),
      { numRuns: 30 },
    );
    expect(sawLoss).toBe(true);
  }, 60_000);

  it('finds no anomaly at all with a single replica, whatever the workload and seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, jitterMs, writeRatio) => {
          const input: ScenarioInput = {
            id: 'one-replica',
            title: 'one replica',
            summary: 'no replication, no lag',
            durationMs: 3000,
            cluster: { nodes: ['n1'], leader: 'n1', monitor: null },
            network: { latency: { baseMs: 5, jitterMs, distribution: 'exponential' } },
            workload: {
              clients: ['user-1@phone', 'user-1@laptop', 'user-2', 'user-3'],
              toMs: 2500,
              meanGapMs: 15,
              keys: ['a', 'b', 'c'],
              writeRatio,
            },
          };
          const parsed = parseScenario(input);
          if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
          const findings = runAnomalies(parsed.scenario, runScenario(parsed.scenario, seed));
          expect(findings).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);
});
