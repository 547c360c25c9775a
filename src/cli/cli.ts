/**
 * The CLI as a pure-ish function: arguments in, exit code and output text out. Nothing here
 * writes to the process streams or exits, so tests call it directly instead of spawning.
 */
import { allBuiltinScenarios } from '../scenarios/builtin';
import { GUARANTEE_PRESETS, guaranteeTable } from '../scenarios/guarantees';
import { isLeaderless } from '../scenarios/leaderlessSchema';
import { isMultiLeader } from '../scenarios/multiLeaderSchema';
import { isLeaderlessReport, isMultiLeaderReport, runAndReport } from '../scenarios/runAny';
import { parseCliArgs, USAGE } from './args';
import { changeDataCapture } from './cdc';
import { formatReport } from './format';
import { formatLeaderlessReport } from './formatLeaderless';
import { formatMultiLeaderReport } from './formatMultiLeader';
import { formatGuarantees } from './guarantees';
import { formatList } from './list';
import { type Loaded, loadScenario } from './load';
import { createStyle } from './style';
import { formatVerdicts, verifyScenario } from './verify';

/** What the process should print and exit with. */
export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Paint output with ANSI colours (decide with `colorEnabled`). */
  color?: boolean;
  /** Directory that relative scenario paths are resolved against. */
  cwd?: string;
}

/** Exit codes: 0 ok, 1 an expectation failed under --verify, 2 bad usage or invalid scenario. */
export function runCli(argv: readonly string[], options: CliOptions = {}): CliResult {
  const style = createStyle(options.color === true);
  const ok = (stdout: string, code: 0 | 1 = 0): CliResult => ({ code, stdout, stderr: '' });
  const usageError = (message: string): CliResult => ({
    code: 2,
    stdout: '',
    stderr: `sim: ${message}\n\n${USAGE}`,
  });
  const loadError = (loaded: Extract<Loaded, { ok: false }>): CliResult => ({
    code: 2,
    stdout: '',
    stderr: `${loaded.message}\n`,
  });

  const parsed = parseCliArgs(argv);
  if (!parsed.ok) return usageError(parsed.error);
  const command = parsed.command;

  switch (command.kind) {
    case 'help':
      return ok(USAGE);
    case 'list':
      return ok(formatList(allBuiltinScenarios));
    case 'run': {
      const loaded = loadScenario(command.target, options.cwd);
      if (!loaded.ok) return loadError(loaded);
      const { scenario } = loaded;
      const seed = command.seed ?? scenario.seed;
      if (command.cdc) {
        if (scenario.protocol !== 'single-leader')
          return usageError('--cdc reads a single-leader log');
        return ok(changeDataCapture(scenario, seed));
      }
      const report = runAndReport(scenario, seed);
      if (command.json) return ok(`${JSON.stringify(report, null, 2)}\n`);
      if (isMultiLeaderReport(report) && isMultiLeader(scenario))
        return ok(formatMultiLeaderReport(report, scenario, style));
      if (isLeaderlessReport(report) && isLeaderless(scenario))
        return ok(formatLeaderlessReport(report, scenario, style));
      if (
        !isLeaderlessReport(report) &&
        !isMultiLeaderReport(report) &&
        !isLeaderless(scenario) &&
        !isMultiLeader(scenario)
      )
        return ok(formatReport(report, scenario, style));
      throw new Error(`report and scenario ${scenario.id} disagree about the protocol`);
    }
    case 'guarantees': {
      const targets = command.targets.length > 0 ? command.targets : GUARANTEE_PRESETS;
      const loaded = loadAll(targets, options.cwd);
      if (!loaded.ok) return loadError(loaded);
      const tables = loaded.all.map((l) => ({
        target: l.target,
        table: guaranteeTable(l.scenario, command.seeds),
      }));
      return ok(formatGuarantees(tables, style));
    }
    case 'verify': {
      const targets =
        command.targets.length > 0 ? command.targets : allBuiltinScenarios.map((s) => s.id);
      const all = loadAll(targets, options.cwd);
      if (!all.ok) return loadError(all);
      const loaded = all.all;
      const verdicts = loaded.map((l) =>
        verifyScenario(l.scenario, l.fromFile ? l.target : l.scenario.id, command.seeds),
      );
      const failed = verdicts.some((v) => v.failures.length > 0);
      return ok(formatVerdicts(verdicts, style), failed ? 1 : 0);
    }
  }
}

/** Load every target before running any: a typo in the last should not wait behind minutes of runs. */
function loadAll(
  targets: readonly string[],
  cwd: string | undefined,
): { ok: true; all: Extract<Loaded, { ok: true }>[] } | Extract<Loaded, { ok: false }> {
  const all: Extract<Loaded, { ok: true }>[] = [];
  for (const target of targets) {
    const one = loadScenario(target, cwd);
    if (!one.ok) return one;
    all.push(one);
  }
  return { ok: true, all };
}
