/**
 * The command line, parsed into a typed command. Parsing never prints or exits: bad usage comes
 * back as a message, and the caller decides what to do with it (exit code 2).
 */
import { parseArgs } from 'node:util';

/** Seeds `--verify` runs when `--seeds` is not given. */
export const DEFAULT_VERIFY_SEEDS = 20;

/** What the user asked for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'list' }
  /** Run one scenario; `seed` undefined means the scenario's own seed. */
  | { kind: 'run'; target: string; seed: number | undefined; json: boolean; cdc: boolean }
  /** Check expectations over seeds 1..seeds; no targets means every built-in. */
  | { kind: 'verify'; targets: string[]; seeds: number }
  /** The guarantee table over seeds 1..seeds; no targets means the presets. */
  | { kind: 'guarantees'; targets: string[]; seeds: number };

export type ParsedArgs = { ok: true; command: Command } | { ok: false; error: string };

/** The usage text printed by `--help` and after any usage error. */
export const USAGE = `Usage:
  npm run sim -- <scenario.json | built-in id> [--seed N] [--json | --cdc]
  npm run sim -- --verify [--seeds N] [<scenario.json | built-in id> ...]
  npm run sim -- --guarantees [--seeds N] [<scenario.json | built-in id> ...]
  npm run sim -- --list
  npm run sim -- --help

Runs a replication scenario headlessly and reports what happened.

Options:
  --seed N     run with seed N (default: the scenario's own seed)
  --json       print the full report as JSON instead of text
  --cdc        print the leader's logical log as change data capture: one JSON
               line per committed row change (docs/log-formats.md)
  --list       list the built-in scenarios
  --verify     check each scenario's expectations over seeds 1..N (every built-in
               when none is named); exits 1 if any expectation fails
  --guarantees which consistency guarantees held in each run of seeds 1..N: a
               table (the guarantee presets when no scenario is named)
  --seeds N    how many seeds --verify or --guarantees runs (default ${DEFAULT_VERIFY_SEEDS})
  -h, --help   show this help

Exit codes: 0 ok, 1 an expectation failed under --verify, 2 bad usage or invalid scenario.
The scenario file format is described in docs/scenarios.md.
`;

const options = {
  help: { type: 'boolean', short: 'h' },
  list: { type: 'boolean' },
  verify: { type: 'boolean' },
  guarantees: { type: 'boolean' },
  seeds: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
  cdc: { type: 'boolean' },
} as const;

/** A whole number ≥ `min` written in decimal digits, or an error naming the option. */
function integer(option: string, text: string, min: number): number | string {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min) {
    return `${option} needs a whole number ${min === 0 ? '(0 or more)' : `of at least ${min}`}, got "${text}"`;
  }
  return n;
}

function parseRaw(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
}

/** Parse `argv` (without the node and script paths). */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseRaw>;
  try {
    parsed = parseRaw(argv);
  } catch (error) {
    // node:util explains unknown options and missing values well; keep its sentence.
    return { ok: false, error: (error as Error).message };
  }
  const { values, positionals } = parsed;
  const fail = (error: string): ParsedArgs => ({ ok: false, error });

  if (values.help) return { ok: true, command: { kind: 'help' } };
  const modes = ['list', 'verify', 'guarantees'] as const;
  const chosen = modes.filter((m) => values[m] === true);
  if (chosen.length > 1) return fail(`--${chosen[0]} and --${chosen[1]} cannot be combined`);
  if (values.seeds !== undefined && !values.verify && !values.guarantees)
    return fail('--seeds only applies to --verify and --guarantees');

  if (values.list) {
    if (positionals.length > 0 || values.seed !== undefined || values.json) {
      return fail('--list takes no other arguments');
    }
    return { ok: true, command: { kind: 'list' } };
  }

  if (values.verify || values.guarantees) {
    const kind = values.verify ? 'verify' : 'guarantees';
    if (values.seed !== undefined) {
      return fail(`--${kind} runs seeds 1..N; use --seeds N, or run one seed with --seed S`);
    }
    if (values.json) return fail(`--json applies to a single run, not --${kind}`);
    const seeds =
      values.seeds === undefined ? DEFAULT_VERIFY_SEEDS : integer('--seeds', values.seeds, 1);
    if (typeof seeds === 'string') return fail(seeds);
    return { ok: true, command: { kind, targets: positionals, seeds } };
  }

  if (positionals.length === 0) return fail('name a scenario file or a built-in id (see --list)');
  if (positionals.length > 1) {
    return fail(`run one scenario at a time (got ${positionals.length}); --verify takes several`);
  }
  const seed = values.seed === undefined ? undefined : integer('--seed', values.seed, 0);
  if (typeof seed === 'string') return fail(seed);
  if (values.cdc && values.json) return fail('--cdc and --json cannot be combined');
  const target = positionals[0] as string;
  const json = values.json === true;
  return { ok: true, command: { kind: 'run', target, seed, json, cdc: values.cdc === true } };
}
