/**
 * The human-readable report of one run: what each replica ended with, what the network carried,
 * what the clients saw, and which promised outcomes held. Plain text in aligned columns; colour
 * only through the given style, so piped output stays plain.
 */
import type { Finding } from '../checker';
import type { HistoryOp } from '../engine/types';
import type { RunReport } from '../scenarios/run';
import type { Scenario } from '../scenarios/schema';
import { bootstraps } from './formatBootstraps';
import type { Style } from './style';
import { printable } from './style';
import { type Cell, table } from './table';
import { describeActual, describeExpectation, formatData, formatValue, ms } from './values';

/** Completed operations shown before the history is cut short (the JSON report has them all). */
export const MAX_HISTORY_LINES = 40;
/** Lost or discarded writes listed before "… N more". */
const MAX_WRITE_LINES = 20;

export function heading(style: Style, title: string, count?: number): string {
  return style.bold(count === undefined ? title : `${title} (${count})`);
}

/** `kind 12, other 3` ordered by count, largest first, then by name so the order is stable. */
function counts(record: Record<string, number>): string {
  return Object.entries(record)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

function more(style: Style, hidden: number, what: string): string[] {
  return hidden > 0 ? [style.dim(`  … ${hidden} more ${what} (--json has them all)`)] : [];
}

/** The parts of a report every protocol's report has. */
export type CommonReport = Pick<
  RunReport,
  | 'scenario'
  | 'seed'
  | 'timeMs'
  | 'events'
  | 'traceHash'
  | 'messages'
  | 'history'
  | 'metrics'
  | 'expectations'
>;

export function header(
  report: CommonReport,
  scenario: Pick<Scenario, 'title' | 'summary'>,
  style: Style,
): string[] {
  return [
    style.bold(`${report.scenario} — ${printable(scenario.title)}`),
    style.dim(printable(scenario.summary)),
    `seed ${report.seed}   time ${ms(report.timeMs)}   events ${report.events}   trace hash ${report.traceHash}`,
  ];
}

function replicas(report: RunReport, style: Style): string[] {
  const rows: Cell[][] = [['id', 'role', 'lifecycle', 'epoch', 'last pos', 'data']];
  for (const [id, r] of Object.entries(report.replicas)) {
    const lifecycle =
      r.lifecycle === 'active' ? r.lifecycle : { text: r.lifecycle, paint: style.yellow };
    rows.push([id, r.role, lifecycle, String(r.epoch), String(r.lastPos), formatData(r.data)]);
  }
  return [heading(style, 'Replicas'), ...table(rows, ['left', 'left', 'left', 'right', 'right'])];
}

export function messages(report: CommonReport, style: Style): string[] {
  const { total, byFate, byKind } = report.messages;
  return [
    `${heading(style, 'Messages')} ${total} sent`,
    ...table([
      ['by fate', counts(byFate)],
      ['by kind', counts(byKind)],
    ]),
  ];
}

/** Jepsen's `info` means the client cannot know whether the operation took effect. */
const RESULT_WORDS: Record<HistoryOp['type'], string> = {
  invoke: 'pending',
  ok: 'ok',
  fail: 'failed',
  info: 'unknown',
};

function resultNote(op: HistoryOp): string {
  if (op.error !== undefined) return printable(op.error);
  if (op.type === 'ok' && op.f === 'write' && op.meta?.pos !== undefined) {
    return `pos ${String(op.meta.pos)}, epoch ${String(op.meta.epoch)}`;
  }
  // Multi-leader answers name the change the write became.
  if (op.type === 'ok' && typeof op.meta?.change === 'string') return `change ${op.meta.change}`;
  // Leaderless answers carry the version vector the client now holds (and a write its dot).
  if (op.type === 'ok' && typeof op.meta?.version === 'string') {
    const dot = op.meta.dot === undefined ? '' : `${String(op.meta.dot)}, `;
    return printable(`${dot}version ${op.meta.version}`);
  }
  return '';
}

export function history(report: CommonReport, style: Style): string[] {
  const done = report.history.filter((h) => h.type !== 'invoke');
  const pending = report.history.filter((h) => h.type === 'invoke').length - done.length;
  const rows: Cell[][] = [['time', 'client', 'op', 'key', 'value', 'node', 'result', '']];
  for (const op of done.slice(0, MAX_HISTORY_LINES)) {
    const word = RESULT_WORDS[op.type];
    const paint = op.type === 'ok' ? style.green : op.type === 'fail' ? style.red : style.yellow;
    rows.push([
      ms(op.time),
      op.process,
      op.f,
      printable(op.key),
      formatValue(op.value),
      op.node ?? '—',
      { text: word, paint },
      resultNote(op),
    ]);
  }
  const lines = [`${heading(style, 'History')}: ${done.length} completed operations`];
  if (done.length === 0) return [...lines, '  no operation completed'];
  lines.push(
    ...table(rows, ['right']),
    ...more(style, done.length - MAX_HISTORY_LINES, 'operations'),
  );
  if (pending > 0) lines.push(style.dim(`  ${pending} still pending at the end`));
  return lines;
}

function lostWrites(report: RunReport, style: Style): string[] {
  const lost = report.lostWrites;
  if (lost.length === 0) return [`${heading(style, 'Lost acknowledged writes')}: none`];
  const rows: Cell[][] = [['op', 'client', 'key', 'value', 'pos', 'epoch', 'acked at']];
  for (const w of lost.slice(0, MAX_WRITE_LINES)) {
    rows.push([
      String(w.opId),
      w.client,
      printable(w.key),
      formatValue(w.value),
      String(w.pos),
      String(w.epoch),
      ms(w.ackedAt),
    ]);
  }
  return [
    style.red(heading(style, 'Lost acknowledged writes', lost.length)),
    ...table(rows, ['right', 'left', 'left', 'left', 'right', 'right', 'right']),
    ...more(style, lost.length - MAX_WRITE_LINES, 'lost writes'),
  ];
}

function discardedWrites(report: RunReport, style: Style): string[] {
  const discarded = report.discardedWrites;
  if (discarded.length === 0) return [`${heading(style, 'Discarded log entries')}: none`];
  const rows: Cell[][] = [['at', 'node', 'pos', 'epoch', 'op', 'key', 'value']];
  for (const d of discarded.slice(0, MAX_WRITE_LINES)) {
    rows.push([
      ms(d.at),
      d.node,
      String(d.pos),
      String(d.epoch),
      String(d.opId),
      printable(d.key),
      formatValue(d.value),
    ]);
  }
  return [
    heading(style, 'Discarded log entries', discarded.length),
    ...table(rows, ['right', 'left', 'right', 'right', 'right']),
    ...more(style, discarded.length - MAX_WRITE_LINES, 'discarded entries'),
  ];
}

function failovers(report: RunReport, style: Style): string[] {
  if (report.failovers.length === 0) return [`${heading(style, 'Failovers')}: none`];
  const rows: Cell[][] = [['at', 'from', 'to', 'epoch', '']];
  for (const f of report.failovers) {
    const from = f.from ?? '—';
    const note: Cell = f.oldLeaderUp
      ? { text: `needless: ${from} was still running`, paint: style.yellow }
      : '';
    rows.push([ms(f.at), from, f.to, String(f.epoch), note]);
  }
  return [
    heading(style, 'Failovers', report.failovers.length),
    ...table(rows, ['right', 'left', 'left', 'right']),
  ];
}

/** Anomalies listed before "… N more": each is one long sentence. */
const MAX_ANOMALY_LINES = 12;

export function anomalies(report: { anomalies: readonly Finding[] }, style: Style): string[] {
  const found = report.anomalies;
  if (found.length === 0) return [`${heading(style, 'Anomalies')}: none`];
  const byKind: Record<string, number> = {};
  for (const f of found) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  const lines = found
    .slice(0, MAX_ANOMALY_LINES)
    .map((f) => `  ${style.yellow(f.kind)}  ${printable(f.explanation)}`);
  return [
    `${heading(style, 'Anomalies', found.length)}: ${counts(byKind)}`,
    ...lines,
    ...more(style, found.length - MAX_ANOMALY_LINES, 'anomalies'),
  ];
}

export function metrics(report: CommonReport, style: Style): string[] {
  const rows = Object.entries(report.metrics).map(([name, value]) => [name, String(value)]);
  return [heading(style, 'Metrics'), ...table(rows)];
}

export function expectations(report: CommonReport, style: Style): string[] {
  const all = report.expectations;
  if (all.length === 0) return [`${heading(style, 'Expectations')}: none stated`];
  const held = all.filter((e) => e.ok).length;
  const rows: Cell[][] = all.map((e) => [
    e.ok ? { text: '✓', paint: style.green } : { text: '✗', paint: style.red },
    printable(e.metric),
    `expected ${describeExpectation(e.expected)}`,
    `got ${describeActual(e.actual)}`,
  ]);
  return [`${heading(style, 'Expectations')}: ${held} of ${all.length} hold`, ...table(rows)];
}

/** The whole text report, ending with a newline. */
export function formatReport(report: RunReport, scenario: Scenario, style: Style): string {
  const sections = [
    header(report, scenario, style),
    replicas(report, style),
    messages(report, style),
    history(report, style),
    lostWrites(report, style),
    discardedWrites(report, style),
    failovers(report, style),
    bootstraps(report, style),
    anomalies(report, style),
    metrics(report, style),
    expectations(report, style),
  ];
  const shown = sections.filter((lines) => lines.length > 0);
  return `${shown.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
