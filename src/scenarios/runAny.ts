/**
 * One entry point for a scenario of any protocol: run it and build its report. The CLI and the
 * built-in scenario tests use it; the single-leader functions in run.ts stay as they were for the
 * store, which is typed with the single-leader simulation.
 */
import {
  buildLeaderlessReport,
  type LeaderlessRunReport,
  runLeaderlessScenario,
} from './leaderlessRun';
import { type AnyScenario, isLeaderless } from './leaderlessSchema';
import {
  buildMultiLeaderReport,
  type MultiLeaderRunReport,
  runMultiLeaderScenario,
} from './multiLeaderRun';
import { isMultiLeader } from './multiLeaderSchema';
import { buildReport, type RunReport, runScenario } from './run';

export type AnyRunReport = RunReport | LeaderlessRunReport | MultiLeaderRunReport;

export function isLeaderlessReport(report: AnyRunReport): report is LeaderlessRunReport {
  return 'protocol' in report && report.protocol === 'leaderless';
}

export function isMultiLeaderReport(report: AnyRunReport): report is MultiLeaderRunReport {
  return 'protocol' in report && report.protocol === 'multi-leader';
}

/** Run the scenario to its end with `seed` and report on it. */
export function runAndReport(scenario: AnyScenario, seed: number): AnyRunReport {
  if (isMultiLeader(scenario))
    return buildMultiLeaderReport(scenario, seed, runMultiLeaderScenario(scenario, seed));
  if (isLeaderless(scenario))
    return buildLeaderlessReport(scenario, seed, runLeaderlessScenario(scenario, seed));
  return buildReport(scenario, seed, runScenario(scenario, seed));
}
