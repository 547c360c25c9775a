/**
 * An exported run: the scenario, seed and user inputs that reproduce it (everything a replay
 * needs), plus its trace and history for readers who want the outcome without replaying. The
 * app's import and `npm run sim -- FILE` both read it; either also takes a bare scenario file.
 * The trace and history are outputs: a reader replays the inputs and never trusts them.
 */
import { z } from 'zod';
import type { Input } from '../engine/types';
import { inputListSchema } from './inputSchema';
import type { AnyScenario } from './leaderlessSchema';
import { zodMessages } from './validate';
import { parseAnyScenario } from './validateLeaderless';

/** Marks a JSON file as a run rather than a scenario. */
export const RUN_FORMAT = 'replica-lab-run';
export const RUN_FORMAT_VERSION = 1;

/** What a replay needs: a scenario, a seed, the user's inputs. */
export interface RunSpec {
  scenario: AnyScenario;
  seed: number;
  inputs: Input[];
  /** Where the run was when it was saved (a file made by the app); absent for a scenario file. */
  timeMs?: number;
}

export type RunFileResult = { ok: true; run: RunSpec } | { ok: false; errors: string[] };

const seed = z.number().int('must be a whole number').min(0, 'must be 0 or more');
const runFileSchema = z.object({
  format: z.literal(RUN_FORMAT),
  v: z.literal(RUN_FORMAT_VERSION, `this app reads version ${RUN_FORMAT_VERSION}`),
  scenario: z.unknown(),
  seed,
  inputs: inputListSchema,
  timeMs: z.number().int().min(0).optional(),
  // Outputs, carried for the reader's convenience; a replay recomputes them.
  traceHash: z.string().optional(),
  trace: z.array(z.unknown()).optional(),
  history: z.array(z.unknown()).optional(),
});

/** The file's contents for a run (what "Export run" saves). */
export function runFileContents(
  run: Required<Pick<RunSpec, 'timeMs'>> & RunSpec,
  outputs: { traceHash: string; trace: readonly unknown[]; history: readonly unknown[] },
): object {
  return {
    format: RUN_FORMAT,
    v: RUN_FORMAT_VERSION,
    scenario: run.scenario,
    seed: run.seed,
    inputs: run.inputs,
    timeMs: run.timeMs,
    ...outputs,
  };
}

const isRunFile = (json: unknown): boolean =>
  typeof json === 'object' && json !== null && (json as { format?: unknown }).format === RUN_FORMAT;

/** A parsed JSON value as a run: a run file, or a bare scenario run with its own seed. */
export function parseRunFile(json: unknown): RunFileResult {
  if (!isRunFile(json)) {
    const scenario = parseAnyScenario(json);
    if (!scenario.ok) return scenario;
    return {
      ok: true,
      run: { scenario: scenario.scenario, seed: scenario.scenario.seed, inputs: [] },
    };
  }
  const parsed = runFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: zodMessages(parsed.error) };
  const scenario = parseAnyScenario(parsed.data.scenario);
  if (!scenario.ok) return { ok: false, errors: scenario.errors.map((e) => `scenario.${e}`) };
  const late = lateInputErrors(parsed.data.inputs, scenario.scenario.durationMs);
  if (late.length > 0) return { ok: false, errors: late };
  const { seed: s, inputs, timeMs } = parsed.data;
  return {
    ok: true,
    run: {
      scenario: scenario.scenario,
      seed: s,
      inputs: inputs as Input[],
      ...(timeMs === undefined ? {} : { timeMs: Math.min(timeMs, scenario.scenario.durationMs) }),
    },
  };
}

function lateInputErrors(inputs: readonly { at: number }[], durationMs: number): string[] {
  return inputs.flatMap((input, i) =>
    input.at > durationMs
      ? [`inputs[${i}].at: ${input.at} is after the scenario's end (${durationMs} ms)`]
      : [],
  );
}

/** A run file's text (JSON) as a run. */
export function parseRunFileText(text: string): RunFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`(file): not valid JSON: ${(error as Error).message}`] };
  }
  return parseRunFile(json);
}
