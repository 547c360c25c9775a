/** The report's section on followers added during the run: what each bootstrap cost. */
import type { RunReport } from '../scenarios/run';
import { heading } from './format';
import type { Style } from './style';
import { table } from './table';

const msOrNot = (value: number | null) => (value === null ? 'never' : `${value} ms`);

/** One row per added follower; nothing when none was added. */
export function bootstraps(report: Pick<RunReport, 'bootstraps'>, style: Style): string[] {
  if (report.bootstraps.length === 0) return [];
  const rows = [['node', 'method', 'messages', 'bytes', 'ready', 'first read', 'caught up']];
  for (const b of report.bootstraps) {
    rows.push([
      b.node,
      b.method,
      String(b.messages),
      String(b.bytes),
      msOrNot(b.readyMs),
      msOrNot(b.firstReadMs),
      msOrNot(b.caughtUpMs),
    ]);
  }
  return [
    heading(style, 'Bootstraps', report.bootstraps.length),
    ...table(rows, ['left', 'left', 'right', 'right', 'right', 'right', 'right']),
  ];
}
