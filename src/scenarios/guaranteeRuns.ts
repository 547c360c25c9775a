/**
 * One run of a scenario judged for the guarantee table: every anomaly the checker finds and
 * the linearizability verdict. A replication family takes part by adding its runner to
 * `GUARANTEE_RUNNERS` (the type asks for one per protocol): it gives the findings of a finished
 * run, lost writes and divergence included, and the linearizability verdict.
 */
import { checkLinearizable, type Finding, type LinearizabilityResult } from '../checker';
import { historyOps } from '../engine/historyLog';
import { runAnomalies } from './anomalies';
import { leaderlessRunAnomalies } from './leaderlessAnomalies';
import { runLeaderlessScenario } from './leaderlessRun';
import type { AnyScenario, LeaderlessScenario } from './leaderlessSchema';
import { multiLeaderRunAnomalies } from './multiLeaderAnomalies';
import { runMultiLeaderScenario } from './multiLeaderRun';
import type { MultiLeaderScenario } from './multiLeaderSchema';
import { runScenario } from './run';
import type { Scenario } from './schema';

export interface JudgedRun {
  /** Anomalies, lost writes and divergence included. */
  findings: Finding[];
  linearizability: LinearizabilityResult;
}

export type GuaranteeRunner<S> = (scenario: S, seed: number) => JudgedRun;

const singleLeaderRunner: GuaranteeRunner<Scenario> = (scenario, seed) => {
  const sim = runScenario(scenario, seed);
  return {
    findings: runAnomalies(scenario, sim),
    linearizability: checkLinearizable(historyOps(sim.logs.history)),
  };
};

const multiLeaderRunner: GuaranteeRunner<MultiLeaderScenario> = (scenario, seed) => {
  const sim = runMultiLeaderScenario(scenario, seed);
  const register = sim.config.protocol.values === 'register';
  return {
    findings: multiLeaderRunAnomalies(scenario, sim),
    // A CRDT's reads (a count, a set) are no register's: the register model does not apply.
    linearizability: register
      ? checkLinearizable(historyOps(sim.logs.history))
      : { verdict: 'unknown', findings: [], undecided: ['(values are not registers)'] },
  };
};

const leaderlessRunner: GuaranteeRunner<LeaderlessScenario> = (scenario, seed) => {
  const sim = runLeaderlessScenario(scenario, seed);
  return {
    findings: leaderlessRunAnomalies(scenario, sim),
    linearizability: checkLinearizable(historyOps(sim.logs.history)),
  };
};

/** By protocol: how to run and judge a scenario of that family. */
export const GUARANTEE_RUNNERS: {
  [P in AnyScenario['protocol']]: GuaranteeRunner<Extract<AnyScenario, { protocol: P }>>;
} = {
  'single-leader': singleLeaderRunner,
  leaderless: leaderlessRunner,
  'multi-leader': multiLeaderRunner,
};

export function judgeRun(scenario: AnyScenario, seed: number): JudgedRun {
  const runner = GUARANTEE_RUNNERS[scenario.protocol] as GuaranteeRunner<AnyScenario>;
  return runner(scenario, seed);
}
