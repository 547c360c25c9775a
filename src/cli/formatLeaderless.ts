/**
 * The text report of a leaderless run: each node's copies (value, version vector, whether it is a
 * home replica or holds the copy for someone else), the hints still parked, the writes
 * last-write-wins discarded, then the sections every report has.
 */
import type { LeaderlessRunReport } from '../scenarios/leaderlessRun';
import type { LeaderlessScenario } from '../scenarios/leaderlessSchema';
import { expectations, header, heading, history, messages, metrics } from './format';
import type { Style } from './style';
import { printable } from './style';
import { type Cell, table } from './table';
import { formatValue, ms } from './values';

function copies(report: LeaderlessRunReport, style: Style): string[] {
  const rows: Cell[][] = [['node', 'key', 'value', 'version', '']];
  for (const [id, r] of Object.entries(report.replicas)) {
    const keys = Object.keys(r.data);
    if (keys.length === 0) rows.push([id, '—', '', '', r.up ? '' : 'down']);
    for (const key of keys) {
      const c = r.data[key];
      if (c === undefined) continue;
      const notes = [
        r.up ? '' : 'down',
        c.home ? '' : 'not home',
        c.siblings.length > 1 ? `${c.siblings.length} siblings` : '',
      ]
        .filter((n) => n !== '')
        .join(', ');
      rows.push([
        id,
        printable(key),
        formatValue(c.value),
        c.version,
        { text: notes, paint: style.yellow },
      ]);
    }
  }
  return [heading(style, 'Copies'), ...table(rows)];
}

function hints(report: LeaderlessRunReport, style: Style): string[] {
  const parked = Object.entries(report.replicas).flatMap(([id, r]) =>
    r.hints.map((h) => `${id} holds ${printable(h.key)} for ${h.home}`),
  );
  if (parked.length === 0) return [`${heading(style, 'Hints parked')}: none`];
  return [heading(style, 'Hints parked', parked.length), ...parked.map((p) => `  ${p}`)];
}

function discarded(report: LeaderlessRunReport, style: Style): string[] {
  const all = report.lwwDiscarded;
  if (all.length === 0) return [`${heading(style, 'Discarded by last-write-wins')}: none`];
  const rows: Cell[][] = [['at', 'key', 'lost value', 'ts', 'beaten by op', 'ts', 'acked', '']];
  for (const d of all) {
    rows.push([
      ms(d.at),
      printable(d.key),
      formatValue(d.loserValue),
      String(d.loserTs),
      String(d.winnerOp),
      String(d.winnerTs),
      d.acknowledged ? 'yes' : 'no',
      d.invokedAfterWinner
        ? { text: 'written later, lost to a skewed clock', paint: style.yellow }
        : '',
    ]);
  }
  return [style.red(heading(style, 'Discarded by last-write-wins', all.length)), ...table(rows)];
}

export function formatLeaderlessReport(
  report: LeaderlessRunReport,
  scenario: LeaderlessScenario,
  style: Style,
): string {
  const sections = [
    header(report, scenario, style),
    copies(report, style),
    hints(report, style),
    messages(report, style),
    history(report, style),
    discarded(report, style),
    metrics(report, style),
    expectations(report, style),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
