/**
 * `--list`: the built-in library, one scenario a line, id first so it can be copied into a run.
 */
import type { AnyScenario } from '../scenarios/leaderlessSchema';
import { table } from './table';

/** `id  title — summary` per scenario, ids padded to one column. */
export function formatList(scenarios: readonly AnyScenario[]): string {
  const rows = scenarios.map((s) => [s.id, `${s.title} — ${s.summary}`]);
  return `${table(rows, [], '').join('\n')}\n`;
}
