/**
 * Running a scenario headlessly, and judging its promised outcomes.
 */

import { ANOMALY_KINDS, countByKind, type Finding } from '../checker';
import { historyOps } from '../engine/historyLog';
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
import { runAnomalies } from './anomalies';
import { compileScenario } from './compile';
import type { AnomalyExpectations, Expectation, Scenario } from './schema';

/** A simulation of the scenario at time 0 (nothing run yet). */
export function startScenario(
  scenario: Scenario,
  seed: number,
  extra: Input[] = [],
): SingleLeaderSim {
  const { config, inputs } = compileScenario(scenario, seed);
  return createSimulation(config, singleLeader, [...inputs, ...extra]);
}

/**
 * A family's `start` made into its `run`: start the scenario, run it to its end. Every family's
 * run is this, so each names only how it starts.
 */
export function toEnd<S extends { durationMs: number }, PC, NS, CS>(
  start: (scenario: S, seed: number, extra: Input[]) => Simulation<PC, NS, CS>,
) {
  return (scenario: S, seed: number, extra: Input[] = []): Simulation<PC, NS, CS> => {
    const sim = start(scenario, seed, extra);
    runUntil(sim, scenario.durationMs);
    return sim;
  };
}

/** Run the scenario to its end. */
export const runScenario = toEnd(startScenario);

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

/** The promised anomaly counts, each as a metric named `anomalies.<kind>`. */
function anomalyBounds(expected: AnomalyExpectations | undefined): Array<[string, Expectation]> {
  if (expected === undefined) return [];
  if (expected === 'none') return ANOMALY_KINDS.map((kind) => [`anomalies.${kind}`, 0]);
  return Object.entries(expected).map(([kind, bound]) => [`anomalies.${kind}`, bound]);
}

/** Judge the scenario's promises: its metrics, and how many anomalies of each kind were found. */
export function checkExpectations(
  scenario: Pick<Scenario, 'expect'>,
  metrics: Record<string, number | boolean>,
  anomalies: readonly Finding[] = [],
): ExpectationResult[] {
  const { anomalies: expectedAnomalies, ...expectedMetrics } = scenario.expect;
  const counts = countByKind(anomalies);
  const actual = (name: string): number | boolean | undefined =>
    name.startsWith('anomalies.')
      ? counts[name.slice('anomalies.'.length) as keyof typeof counts]
      : metrics[name];
  const promised: Array<[string, Expectation]> = [
    ...(Object.entries(expectedMetrics) as Array<[string, Expectation]>),
    ...anomalyBounds(expectedAnomalies),
  ];
  return promised.map(([metric, expected]) => {
    const value = actual(metric);
    return { metric, expected, actual: value, ok: meets(value, expected) };
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

/** What every family's report opens with: which run, how far it went, what it did. */
export interface ReportBasics {
  scenario: string;
  seed: number;
  timeMs: number;
  traceHash: string;
  events: number;
  history: readonly HistoryOp[];
  messages: ReturnType<typeof messageSummary>;
}

export function reportBasics<PC, NS, CS>(
  scenario: { id: string },
  seed: number,
  sim: Simulation<PC, NS, CS>,
): ReportBasics {
  return {
    scenario: scenario.id,
    seed,
    timeMs: sim.core.now,
    traceHash: formatHash(sim.core.traceHash),
    events: sim.core.eventsProcessed,
    history: historyOps(sim.logs.history),
    messages: messageSummary(sim),
  };
}

/** The machine-readable report of a run (the CLI's `--json`). */
export interface RunReport extends Omit<SingleLeaderOutcome, 'replicas'>, ReportBasics {
  replicas: SingleLeaderOutcome['replicas'];
  /** What the consistency checker found (see docs/checker.md). */
  anomalies: Finding[];
  expectations: ExpectationResult[];
}

export function buildReport(scenario: Scenario, seed: number, sim: SingleLeaderSim): RunReport {
  const outcome = singleLeaderOutcome(sim);
  const anomalies = runAnomalies(scenario, sim);
  return {
    ...reportBasics(scenario, seed, sim),
    ...outcome,
    anomalies,
    expectations: checkExpectations(scenario, outcome.metrics, anomalies),
  };
}
