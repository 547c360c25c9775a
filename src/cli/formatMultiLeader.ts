/**
 * The text report of a multi-leader run: each node's values (with what it still owes whom and
 * what waits for its dependencies), every conflict found and how it was resolved, every write a
 * strategy discarded, what the consistency checker found, then the sections every report has.
 */
import type { MultiLeaderRunReport } from '../scenarios/multiLeaderRun';
import type { MultiLeaderScenario } from '../scenarios/multiLeaderSchema';
import { anomalies, expectations, header, heading, history, messages, metrics } from './format';
import type { Style } from './style';
import { printable } from './style';
import { type Cell, table } from './table';
import { formatValue, ms } from './values';

function nodes(report: MultiLeaderRunReport, style: Style): string[] {
  const rows: Cell[][] = [['node', 'dc', 'role', 'key', 'value', '']];
  for (const [id, r] of Object.entries(report.replicas)) {
    const owed = Object.entries(r.owed).map(([to, n]) => `owes ${to} ${n}`);
    const notes = [r.up ? '' : 'down', r.waiting > 0 ? `${r.waiting} waiting` : '', ...owed]
      .filter((n) => n !== '')
      .join(', ');
    const keys = Object.keys(r.data);
    if (keys.length === 0)
      rows.push([id, r.dc, r.role, '—', '', { text: notes, paint: style.yellow }]);
    keys.forEach((key, i) => {
      const d = r.data[key];
      const siblings = d !== undefined && d.siblings > 1 ? `${d.siblings} siblings` : '';
      const note = [i === 0 ? notes : '', siblings].filter((n) => n !== '').join(', ');
      rows.push([
        i === 0 ? id : '',
        i === 0 ? r.dc : '',
        i === 0 ? r.role : '',
        printable(key),
        formatValue(d?.value ?? null),
        { text: note, paint: style.yellow },
      ]);
    });
  }
  return [heading(style, 'Nodes'), ...table(rows)];
}

function conflicts(report: MultiLeaderRunReport, style: Style): string[] {
  const all = report.conflicts;
  if (all.length === 0) return [`${heading(style, 'Conflicts')}: none`];
  const rows: Cell[][] = [['at', 'node', 'key', 'concurrent writes', 'strategy', 'result', '']];
  for (const c of all) {
    rows.push([
      ms(c.at),
      c.node,
      printable(c.key),
      c.writes.map((w) => `${w.id}=${formatValue(w.value)}`).join(' '),
      c.strategy,
      formatValue(c.result),
      c.resolvedBy === null ? '' : `resolved by write ${c.resolvedBy}`,
    ]);
  }
  return [style.yellow(heading(style, 'Conflicts', all.length)), ...table(rows)];
}

function discarded(report: MultiLeaderRunReport, style: Style): string[] {
  const all = report.discarded;
  if (all.length === 0) return [`${heading(style, 'Discarded writes')}: none`];
  const rows: Cell[][] = [['at', 'key', 'lost value', 'by', 'ts', 'beaten by', 'ts', 'acked', '']];
  for (const d of all) {
    rows.push([
      ms(d.at),
      printable(d.key),
      formatValue(d.loser.value),
      d.loser.client,
      String(d.loser.ts),
      `${d.winner.id}=${formatValue(d.winner.value)}`,
      String(d.winner.ts),
      d.acknowledged ? 'yes' : 'no',
      d.invokedAfterWinner
        ? { text: `written later, lost to ${d.strategy}`, paint: style.yellow }
        : d.strategy,
    ]);
  }
  return [style.red(heading(style, 'Discarded writes', all.length)), ...table(rows)];
}

export function formatMultiLeaderReport(
  report: MultiLeaderRunReport,
  scenario: MultiLeaderScenario,
  style: Style,
): string {
  const sections = [
    header(report, scenario, style),
    nodes(report, style),
    messages(report, style),
    history(report, style),
    conflicts(report, style),
    discarded(report, style),
    anomalies(report, style),
    metrics(report, style),
    expectations(report, style),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
