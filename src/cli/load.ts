/**
 * From what the user typed to a validated scenario: a path to a JSON file, or the id of a
 * built-in. A file wins when both could match, so an author's local copy of a built-in runs as
 * written.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { findAnyBuiltin } from '../scenarios/builtin';
import type { AnyScenario } from '../scenarios/leaderlessSchema';
import { parseAnyScenarioText } from '../scenarios/validateLeaderless';
import { printable } from './style';

/** A loaded scenario, or the message to print (on stderr, exit code 2). */
export type Loaded =
  | { ok: true; scenario: AnyScenario; target: string; fromFile: boolean }
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
    const parsed = parseAnyScenarioText(text);
    if (!parsed.ok) {
      const lines = parsed.errors.map((e) => `  ${printable(e)}`);
      return {
        ok: false,
        message: [`invalid scenario ${printable(target)}:`, ...lines].join('\n'),
      };
    }
    return { ok: true, scenario: parsed.scenario, target, fromFile: true };
  }
  const builtin = findAnyBuiltin(target);
  if (builtin !== undefined) return { ok: true, scenario: builtin, target, fromFile: false };
  return {
    ok: false,
    message: `unknown scenario ${printable(target)}: not a file and not a built-in id (see --list)`,
  };
}
