/**
 * `--verify`: a scenario promises its outcomes for any seed, so run it over seeds 1..N and
 * report every promise that broke, with the seed that reproduces it.
 */

import type { AnyScenario } from '../scenarios/leaderlessSchema';
import { checkExpectations } from '../scenarios/run';
import { runAndReport } from '../scenarios/runAny';
import type { Expectation } from '../scenarios/schema';
import type { Style } from './style';
import { describeActual, describeExpectation } from './values';

/** Failure lines shown per scenario; the rest are counted, since one seed reproduces them all. */
export const MAX_FAILURE_LINES = 5;

/** One broken promise, or a run that threw before it could be judged. */
export type SeedFailure =
  | { seed: number; metric: string; expected: Expectation; actual: number | boolean | undefined }
  | { seed: number; thrown: string };

/** The outcome of verifying one scenario. */
export interface Verdict {
  id: string;
  /** How to name the scenario on the command line to reproduce a failure: path or id. */
  target: string;
  seeds: number;
  expectations: number;
  failures: SeedFailure[];
}

/** Run `scenario` with seeds 1..`seeds` and collect every failed expectation. */
export function verifyScenario(scenario: AnyScenario, target: string, seeds: number): Verdict {
  const failures: SeedFailure[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    try {
      // The same report a plain run prints, so `--seed S` shows exactly what failed here.
      const report = runAndReport(scenario, seed);
      for (const e of report.expectations) {
        if (!e.ok)
          failures.push({ seed, metric: e.metric, expected: e.expected, actual: e.actual });
      }
    } catch (error) {
      // A protocol bug on one seed should not hide the verdicts on the others.
      failures.push({ seed, thrown: error instanceof Error ? error.message : String(error) });
    }
  }
  return {
    id: scenario.id,
    target,
    seeds,
    expectations: checkExpectations(scenario, {}).length,
    failures,
  };
}

/** `word` as the shell would need it typed. */
export function shellWord(word: string): string {
  return /^[\w./@:+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function failureLine(id: string, f: SeedFailure): string {
  if ('thrown' in f) return `${id} seed ${f.seed}: the run threw: ${f.thrown}`;
  return `${id} seed ${f.seed}: ${f.metric} expected ${describeExpectation(f.expected)}, got ${describeActual(f.actual)}`;
}

function verdictLines(v: Verdict, idWidth: number, style: Style): string[] {
  if (v.failures.length === 0) {
    // A scenario without expectations passes vacuously; say so rather than look verified.
    const note = v.expectations === 0 ? '; no expectations to check' : '';
    return [`${style.green('✓')} ${v.id.padEnd(idWidth)}  (${v.seeds} seeds${note})`];
  }
  const lines = v.failures
    .slice(0, MAX_FAILURE_LINES)
    .map((f) => `${style.red('✗')} ${failureLine(v.id, f)}`);
  const failingSeeds = [...new Set(v.failures.map((f) => f.seed))];
  const hidden = v.failures.length - MAX_FAILURE_LINES;
  if (hidden > 0) lines.push(style.dim(`  … ${hidden} more failures`));
  lines.push(
    style.dim(
      `  ${failingSeeds.length} of ${v.seeds} seeds failed; reproduce: npm run sim -- ${shellWord(v.target)} --seed ${failingSeeds[0]}`,
    ),
  );
  return lines;
}

/** One line per scenario (more for failures) and the summary line, ending with a newline. */
export function formatVerdicts(verdicts: readonly Verdict[], style: Style): string {
  const failed = verdicts.filter((v) => v.failures.length > 0).length;
  const summary = `verify: ${verdicts.length - failed} passed, ${failed} failed`;
  const idWidth = Math.max(0, ...verdicts.map((v) => v.id.length));
  const lines = verdicts.flatMap((v) => verdictLines(v, idWidth, style));
  return `${[...lines, failed > 0 ? style.red(summary) : summary].join('\n')}\n`;
}
