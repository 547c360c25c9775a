/**
 * One entry point for a scenario of any protocol: run it and build its report. The CLI and the
 * built-in scenario tests use it; the single-leader functions in run.ts stay as they were for the
 * store, which is typed with the single-leader simulation.
 */
import type { Input } from '../engine/types';
import {
  buildLeaderlessReport,
  type LeaderlessRunReport,
  runLeaderlessScenario,
} from './leaderlessRun';
import { type AnyScenario, isLeaderless } from './leaderlessSchema';
import { buildReport, type RunReport, runScenario } from './run';

export type AnyRunReport = RunReport | LeaderlessRunReport;

export function isLeaderlessReport(report: AnyRunReport): report is LeaderlessRunReport {
  return 'protocol' in report && report.protocol === 'leaderless';
}

/** Run the scenario to its end with `seed` (and a user's inputs, from a run file) and report on it. */
export function runAndReport(
  scenario: AnyScenario,
  seed: number,
  inputs: Input[] = [],
): AnyRunReport {
  if (isLeaderless(scenario))
    return buildLeaderlessReport(scenario, seed, runLeaderlessScenario(scenario, seed, inputs));
  return buildReport(scenario, seed, runScenario(scenario, seed, inputs));
}
