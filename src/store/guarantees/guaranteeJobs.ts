/**
 * The guarantee table as the app fills it: one job per (configuration, seed), run in a worker
 * (or, where there is none, a job per macrotask on the page), each result counted into its
 * configuration's table as it arrives. The tables themselves are the scenarios layer's
 * (`guarantees.ts`): the same counts the CLI prints.
 */
import type { JudgedRun } from '../../scenarios/guaranteeRuns';
import { emptyTable, type GuaranteeTable, recordRun } from '../../scenarios/guarantees';
import type { AnyScenario } from '../../scenarios/leaderlessSchema';

export interface GuaranteeJob {
  scenario: string;
  seed: number;
}

export type GuaranteeJobResult = GuaranteeJob & ({ run: JudgedRun } | { error: string });

export function runJob(
  job: GuaranteeJob,
  find: (id: string) => AnyScenario | undefined,
  judge: (scenario: AnyScenario, seed: number) => JudgedRun,
): GuaranteeJobResult {
  const scenario = find(job.scenario);
  if (scenario === undefined) return { ...job, error: `no built-in scenario "${job.scenario}"` };
  try {
    return { ...job, run: judge(scenario, job.seed) };
  } catch (error) {
    return { ...job, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Every job for these configurations, seed by seed, so both columns fill side by side. */
export function jobsFor(scenarios: readonly string[], seeds: number): GuaranteeJob[] {
  const jobs: GuaranteeJob[] = [];
  for (let seed = 1; seed <= seeds; seed++)
    for (const scenario of scenarios) jobs.push({ scenario, seed });
  return jobs;
}

/** Count a result into the table of its configuration (in place). */
export function countResult(tables: readonly GuaranteeTable[], result: GuaranteeJobResult): void {
  const table = tables.find((t) => t.scenario === result.scenario);
  if (table === undefined) return;
  recordRun(table, result.seed, 'run' in result ? result.run : new Error(result.error));
}

export function emptyTables(scenarios: readonly string[], seeds: number): GuaranteeTable[] {
  return scenarios.map((s) => emptyTable(s, seeds));
}
