/**
 * Compiling and running a leaderless scenario headlessly, and its report: the single-leader
 * path's counterpart (compile.ts, run.ts), sharing the timeline, workload and expectations.
 */
import type { Finding } from '../checker';
import { createSimulation, type SimConfig } from '../engine/simulation';
import type { Input } from '../engine/types';
import { type LeaderlessConfig, leaderless } from '../protocols/leaderless';
import {
  type LeaderlessOutcome,
  type LeaderlessSim,
  leaderlessOutcome,
} from '../protocols/leaderless/outcome';
import { networkOf, toInput, workloadInputs } from './compile';
import { leaderlessRunAnomalies } from './leaderlessAnomalies';
import type { LeaderlessScenario } from './leaderlessSchema';
import { randomFaultInputs } from './randomFaults';
import {
  checkExpectations,
  type ExpectationResult,
  type ReportBasics,
  reportBasics,
  toEnd,
} from './run';

export interface CompiledLeaderlessRun {
  config: SimConfig<LeaderlessConfig>;
  inputs: Input[];
}

export function compileLeaderlessScenario(
  scenario: LeaderlessScenario,
  seed: number = scenario.seed,
): CompiledLeaderlessRun {
  const { cluster } = scenario;
  const clients = [...new Set([...scenario.clients, ...(scenario.workload?.clients ?? [])])];
  const config: SimConfig<LeaderlessConfig> = {
    seed,
    nodes: [...cluster.nodes],
    clients,
    network: networkOf(scenario),
    clockSkewMs: scenario.clockSkewMs,
    clientTimeoutMs: scenario.clientTimeoutMs,
    clientMaxRedirects: scenario.clientMaxRedirects,
    protocol: {
      n: cluster.n,
      w: cluster.w,
      r: cluster.r,
      vnodes: cluster.vnodes,
      coordinator: cluster.coordinator,
      ...(cluster.clientCoordinators ? { clientCoordinators: cluster.clientCoordinators } : {}),
      conflicts: cluster.conflicts,
      values: cluster.values,
      readRepair: cluster.readRepair,
      antiEntropyIntervalMs: cluster.antiEntropyIntervalMs,
      merkleLeaves: cluster.merkleLeaves,
      sloppyQuorum: cluster.sloppyQuorum,
      hintedHandoffIntervalMs: cluster.hintedHandoffIntervalMs,
      replicaTimeoutMs: cluster.replicaTimeoutMs,
      clientAvoidMs: cluster.clientAvoidMs,
    },
  };
  const timeline = scenario.timeline.flatMap((step): Input[] => {
    if (
      step.type === 'set-mode' ||
      step.type === 'set-upstream' ||
      step.type === 'failover' ||
      step.type === 'statement' ||
      step.type === 'upgrade'
    )
      return [];
    if (step.type === 'restore') {
      const args = { from: step.from };
      return [{ at: step.at, type: 'command', node: step.node, command: 'restore', args }];
    }
    return [toInput(step)];
  });
  const faults = randomFaultInputs(scenario, seed);
  return { config, inputs: [...timeline, ...faults, ...workloadInputs(scenario, seed)] };
}

/** A simulation of the scenario at time 0 (nothing run yet). */
export function startLeaderlessScenario(
  scenario: LeaderlessScenario,
  seed: number,
  extra: Input[] = [],
): LeaderlessSim {
  const { config, inputs } = compileLeaderlessScenario(scenario, seed);
  return createSimulation(config, leaderless, [...inputs, ...extra]);
}

/** Run the scenario to its end. */
export const runLeaderlessScenario = toEnd(startLeaderlessScenario);

/** The machine-readable report of a leaderless run (the CLI's `--json`). */
export interface LeaderlessRunReport extends LeaderlessOutcome, ReportBasics {
  protocol: 'leaderless';
  /** What the consistency checker found (see docs/checker.md). */
  anomalies: Finding[];
  expectations: ExpectationResult[];
}

export function buildLeaderlessReport(
  scenario: LeaderlessScenario,
  seed: number,
  sim: LeaderlessSim,
): LeaderlessRunReport {
  const outcome = leaderlessOutcome(sim);
  const anomalies = leaderlessRunAnomalies(scenario, sim);
  return {
    protocol: 'leaderless',
    ...reportBasics(scenario, seed, sim),
    ...outcome,
    anomalies,
    expectations: checkExpectations(scenario, outcome.metrics, anomalies),
  };
}
