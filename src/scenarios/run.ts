/**
 * Running a scenario headlessly, and judging its promised outcomes.
 */

import { countMessages } from '../engine/messageLog';
import {
  createSimulation,
  messagesInFlight,
  runUntil,
  type Simulation,
} from '../engine/simulation';
import { formatHash } from '../engine/traceHash';
import type { HistoryOp, Input } from '../engine/types';
import { singleLeader } from '../protocols/single-leader';
import {
  type SingleLeaderOutcome,
  type SingleLeaderSim,
  singleLeaderOutcome,
} from '../protocols/single-leader/outcome';
import { compileScenario } from './compile';
import type { Expectation, Scenario } from './schema';

/** A simulation of the scenario at time 0 (nothing run yet). */
export function startScenario(
  scenario: Scenario,
  seed: number,
  extra: Input[] = [],
): SingleLeaderSim {
  const { config, inputs } = compileScenario(scenario, seed);
  return createSimulation(config, singleLeader, [...inputs, ...extra]);
}

/** Run the scenario to its end. */
export function runScenario(
  scenario: Scenario,
  seed: number,
  extra: Input[] = [],
): SingleLeaderSim {
  const sim = startScenario(scenario, seed, extra);
  runUntil(sim, scenario.durationMs);
  return sim;
}

export interface ExpectationResult {
  metric: string;
  expected: Expectation;
  actual: number | boolean | undefined;
  ok: boolean;
}

export function meets(actual: number | boolean | undefined, expected: Expectation): boolean {
  if (actual === undefined) return false;
  if (typeof expected !== 'object') return actual === expected;
  if (typeof actual !== 'number') return false;
  return (
    (expected.min === undefined || actual >= expected.min) &&
    (expected.max === undefined || actual <= expected.max)
  );
}

export function checkExpectations(
  scenario: Pick<Scenario, 'expect'>,
  metrics: Record<string, number | boolean>,
): ExpectationResult[] {
  return Object.entries(scenario.expect).map(([metric, expected]) => {
    const actual = metrics[metric];
    return { metric, expected, actual, ok: meets(actual, expected) };
  });
}

/** Messages counted by fate and by kind. */
export function messageSummary<PC, NS, CS>(sim: Simulation<PC, NS, CS>) {
  const inFlight = messagesInFlight(sim);
  const { byFate, byKind } = countMessages(sim.logs.messages);
  byFate['in-flight'] = inFlight.length;
  for (const m of inFlight) byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
  return { total: sim.core.nextMessageId - 1, byFate, byKind };
}

/** The machine-readable report of a run (the CLI's `--json`). */
export interface RunReport extends Omit<SingleLeaderOutcome, 'replicas'> {
  scenario: string;
  seed: number;
  timeMs: number;
  traceHash: string;
  events: number;
  replicas: SingleLeaderOutcome['replicas'];
  history: HistoryOp[];
  messages: ReturnType<typeof messageSummary>;
  expectations: ExpectationResult[];
}

export function buildReport(scenario: Scenario, seed: number, sim: SingleLeaderSim): RunReport {
  const outcome = singleLeaderOutcome(sim);
  return {
    scenario: scenario.id,
    seed,
    timeMs: sim.core.now,
    traceHash: formatHash(sim.core.traceHash),
    events: sim.core.eventsProcessed,
    ...outcome,
    history: sim.logs.history,
    messages: messageSummary(sim),
    expectations: checkExpectations(scenario, outcome.metrics),
  };
}
