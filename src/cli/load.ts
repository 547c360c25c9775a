/**
 * From what the user typed to a validated scenario: a path to a JSON file, or the id of a
 * built-in. A file wins when both could match, so an author's local copy of a built-in runs as
 * written. A file may also be a run exported by the app (scenario, seed and the user's inputs,
 * see scenarios/runFile.ts): then its seed is the default and its inputs are replayed.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Input } from '../engine/types';
import { findAnyBuiltin } from '../scenarios/builtin';
import type { AnyScenario } from '../scenarios/leaderlessSchema';
import { parseRunFileText } from '../scenarios/runFile';
import { printable } from './style';

/** A loaded scenario, or the message to print (on stderr, exit code 2). */
export type Loaded =
  | {
      ok: true;
      scenario: AnyScenario;
      target: string;
      fromFile: boolean;
      /** From a run file: the seed it was made with and the user's inputs to replay. */
      run?: { seed: number; inputs: Input[] };
    }
  | { ok: false; message: string };

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Resolve `target` relative to `cwd` (the directory the user typed the command in, which under
 * `npm run` differs from the process's own working directory).
 */
export function loadScenario(target: string, cwd: string = process.cwd()): Loaded {
  const path = resolve(cwd, target);
  if (isFile(path)) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      return {
        ok: false,
        message: `cannot read ${printable(target)}: ${(error as Error).message}`,
      };
    }
    const parsed = parseRunFileText(text);
    if (!parsed.ok) {
      const lines = parsed.errors.map((e) => `  ${printable(e)}`);
      return {
        ok: false,
        message: [`invalid scenario ${printable(target)}:`, ...lines].join('\n'),
      };
    }
    const { scenario, seed, inputs } = parsed.run;
    const run = inputs.length > 0 || seed !== scenario.seed ? { run: { seed, inputs } } : {};
    return { ok: true, scenario, target, fromFile: true, ...run };
  }
  const builtin = findAnyBuiltin(target);
  if (builtin !== undefined) return { ok: true, scenario: builtin, target, fromFile: false };
  return {
    ok: false,
    message: `unknown scenario ${printable(target)}: not a file and not a built-in id (see --list)`,
  };
}
