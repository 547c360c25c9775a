/**
 * `--guarantees`: the guarantee table (src/scenarios/guarantees.ts) as text. One scenario: a row
 * per guarantee in words, with the explanation of the smallest violating run. Several: a row per
 * scenario and a short column per guarantee, to compare configurations side by side.
 */
import { findAnyBuiltin } from '../scenarios/builtin';
import {
  describeCell,
  GUARANTEES,
  type GuaranteeCell,
  type GuaranteeTable,
  runLink,
} from '../scenarios/guarantees';
import type { Style } from './style';
import { type Cell, table } from './table';
import { shellWord } from './verify';

/** Short column headings for the side-by-side table, in `GUARANTEES` order. */
const SHORT: Record<string, string> = {
  'read-your-writes': 'RYW',
  'monotonic-reads': 'MR',
  'monotonic-writes': 'MW',
  'writes-follow-reads': 'WFR',
  'consistent-prefix': 'prefix',
  causal: 'causal',
  'bounded-staleness': 'stale',
  linearizability: 'linear',
  'no-lost-writes': 'lost',
  convergence: 'conv',
};

/** How to open a run again: the command, and the app address for scenarios the app can open. */
export function reproduce(target: string, scenarioId: string, seed: number): string {
  const command = `npm run sim -- ${shellWord(target)} --seed ${seed}`;
  return findAnyBuiltin(scenarioId) === undefined
    ? command
    : `${command}   (in the app: ${runLink(scenarioId, seed)})`;
}

function paintCell(cell: GuaranteeCell, text: string, style: Style): Cell {
  if (cell.violated > 0) return { text, paint: style.red };
  if (cell.undecided > 0) return { text, paint: style.yellow };
  return { text, paint: style.green };
}

export interface TargetTable {
  /** How the user named the scenario (path or id). */
  target: string;
  table: GuaranteeTable;
}

function crashLines(t: TargetTable, style: Style): string[] {
  return t.table.crashed.map((c) =>
    style.red(`  ${t.table.scenario} seed ${c.seed}: the run threw: ${c.message}`),
  );
}

function oneTable(t: TargetTable, style: Style): string {
  const { table: result } = t;
  const lines = [`Guarantees of ${result.scenario}, seeds 1..${result.seeds}`, ''];
  const rows: Cell[][] = result.cells.map((cell) => [
    cell.guarantee.label,
    paintCell(cell, describeCell(cell), style),
  ]);
  lines.push(...table(rows));
  const violated = result.cells.filter((c) => c.smallest !== null);
  if (violated.length > 0) lines.push('', 'Smallest violating runs:');
  for (const cell of violated) {
    const smallest = cell.smallest as NonNullable<GuaranteeCell['smallest']>;
    lines.push(`  ${cell.guarantee.label}, seed ${smallest.seed}: ${smallest.finding.explanation}`);
    lines.push(style.dim(`    ${reproduce(t.target, result.scenario, smallest.seed)}`));
  }
  lines.push(...crashLines(t, style));
  return `${lines.join('\n')}\n`;
}

function shortCell(cell: GuaranteeCell): string {
  if (cell.violated > 0) return `${cell.violated}/${cell.runs} s${cell.smallest?.seed}`;
  if (cell.undecided > 0) return `? ${cell.undecided}/${cell.runs}`;
  return 'held';
}

function sideBySide(tables: readonly TargetTable[], style: Style): string {
  const seeds = tables[0]?.table.seeds ?? 0;
  const header: Cell[] = ['scenario', ...GUARANTEES.map((g) => SHORT[g.id] ?? g.id)];
  const rows: Cell[][] = tables.map((t) => [
    t.table.scenario,
    ...t.table.cells.map((cell) => paintCell(cell, shortCell(cell), style)),
  ]);
  const legend = GUARANTEES.map((g) => `${SHORT[g.id] ?? g.id} = ${g.label}`).join(', ');
  return `${[
    `Guarantees over seeds 1..${seeds}: "held" in every run, or "K/N sS" violated in K of N runs, the smallest violating seed S`,
    '',
    ...table([header, ...rows]),
    '',
    style.dim(`  ${legend}.`),
    style.dim(
      '  Open seed S again: npm run sim -- <id> --seed S, or ?scenario=<id>&seed=S in the app.',
    ),
    ...tables.flatMap((t) => crashLines(t, style)),
  ].join('\n')}\n`;
}

/** The table for one scenario, or the side-by-side table for several. */
export function formatGuarantees(tables: readonly TargetTable[], style: Style): string {
  const only = tables[0];
  return tables.length === 1 && only !== undefined
    ? oneTable(only, style)
    : sideBySide(tables, style);
}
