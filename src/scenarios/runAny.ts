/**
 * One entry point for a scenario of any protocol: start it, run it, report on it. The CLI, the
 * built-in scenario tests and the store use these; each family's own module (run.ts,
 * leaderlessRun.ts) does the work, so adding a family means one more entry in `families`.
 */
import { runUntil, type Simulation } from '../engine/simulation';
import type { Input } from '../engine/types';
import type { LeaderlessSim } from '../protocols/leaderless/outcome';
import type { MultiLeaderSim } from '../protocols/multi-leader/outcome';
import type { SingleLeaderSim } from '../protocols/single-leader/outcome';
import {
  buildLeaderlessReport,
  type LeaderlessRunReport,
  startLeaderlessScenario,
} from './leaderlessRun';
import type { AnyScenario, LeaderlessScenario } from './leaderlessSchema';
import {
  buildMultiLeaderReport,
  type MultiLeaderRunReport,
  startMultiLeaderScenario,
} from './multiLeaderRun';
import type { MultiLeaderScenario } from './multiLeaderSchema';
import { buildReport, type RunReport, startScenario } from './run';
import type { Scenario } from './schema';

export type AnyRunReport = RunReport | LeaderlessRunReport | MultiLeaderRunReport;

/** A simulation of any family, as code that does not care which one sees it. */
export type AnySim = Simulation<unknown, unknown, unknown>;

/** The protocol a scenario names (`single-leader` when it names none). */
export type ProtocolName = AnyScenario['protocol'];

interface Family<S extends AnyScenario, Sim, Report> {
  start(scenario: S, seed: number, extra: Input[]): Sim;
  report(scenario: S, seed: number, sim: Sim): Report;
}

const singleLeaderFamily: Family<Scenario, SingleLeaderSim, RunReport> = {
  start: startScenario,
  report: buildReport,
};

const leaderlessFamily: Family<LeaderlessScenario, LeaderlessSim, LeaderlessRunReport> = {
  start: startLeaderlessScenario,
  report: buildLeaderlessReport,
};

const multiLeaderFamily: Family<MultiLeaderScenario, MultiLeaderSim, MultiLeaderRunReport> = {
  start: startMultiLeaderScenario,
  report: buildMultiLeaderReport,
};

/** The family module for a scenario (typed loosely: each entry is only ever given its own). */
function familyOf(scenario: AnyScenario): Family<AnyScenario, AnySim, AnyRunReport> {
  const family =
    scenario.protocol === 'leaderless'
      ? leaderlessFamily
      : scenario.protocol === 'multi-leader'
        ? multiLeaderFamily
        : singleLeaderFamily;
  return family as unknown as Family<AnyScenario, AnySim, AnyRunReport>;
}

export function isLeaderlessReport(report: AnyRunReport): report is LeaderlessRunReport {
  return 'protocol' in report && report.protocol === 'leaderless';
}

export function isMultiLeaderReport(report: AnyRunReport): report is MultiLeaderRunReport {
  return 'protocol' in report && report.protocol === 'multi-leader';
}

/** A simulation of the scenario at time 0 (nothing run yet), with `extra` inputs on top. */
export function startAnyScenario(scenario: AnyScenario, seed: number, extra: Input[] = []): AnySim {
  return familyOf(scenario).start(scenario, seed, extra);
}

/** Run the scenario to its end with `seed` (and a user's inputs, from a run file) and report on it. */
export function runAndReport(
  scenario: AnyScenario,
  seed: number,
  inputs: Input[] = [],
): AnyRunReport {
  const family = familyOf(scenario);
  const sim = family.start(scenario, seed, inputs);
  runUntil(sim, scenario.durationMs);
  return family.report(scenario, seed, sim);
}
