/**
 * Log entries as readers see them, one line per record: statement text, WAL page writes, a
 * logical transaction (readable as change data capture), or changes-table rows. Also the same
 * statement described in all four formats at once, for the comparison view.
 */
import type { Value } from '../../../engine/types';
import {
  type Data,
  type ExecEnv,
  executeTransaction,
  parseStatement,
  type RowChange,
  type Trigger,
} from '../../shared/statements';
import { encodeChange } from './encode';
import { type FormatChange, LOG_FORMATS, type LogFormat, type LogFormatSettings } from './settings';

const show = (v: Value): string => (typeof v === 'string' ? `'${v}'` : String(v));
const columns = (row: Record<string, Value>): string =>
  Object.entries(row)
    .map(([c, v]) => `${c}=${show(v)}`)
    .join(', ');

/** One row image as a change-data-capture line. */
export function describeRow(c: RowChange): string {
  if (c.op === 'insert') return `INSERT ${c.table} id=${c.id} {${columns(c.row)}}`;
  if (c.op === 'delete') return `DELETE ${c.table} id=${c.id}`;
  const changed = Object.keys(c.after)
    .map((k) => `${k}: ${show(c.before[k] ?? null)} → ${show(c.after[k] ?? null)}`)
    .join(', ');
  return `UPDATE ${c.table} id=${c.id} {${changed}}`;
}

export function describeChange(change: FormatChange): string[] {
  switch (change.format) {
    case 'statement':
      return change.fixed === undefined
        ? [change.sql]
        : [
            `SET TIMESTAMP = ${change.fixed.now}; SET RAND_SEED = ${change.fixed.randSeed}`,
            change.sql,
          ];
    case 'wal':
      return change.records.map(
        (r) => `${change.engine} page ${r.page} @${r.offset}: ${r.bytes.slice(0, 24)}…`,
      );
    case 'logical':
      return [
        `BEGIN tx ${change.tx}`,
        ...change.changes.map(describeRow),
        `COMMIT tx ${change.tx}`,
      ];
    case 'trigger':
      return change.changes.length === 0
        ? ['(nothing: the filter left every change out)']
        : change.changes.map((c) => `changes table: ${describeRow(c)}`);
  }
}

export const FORMAT_NAMES: Record<LogFormat, string> = {
  statement: 'Statement-based',
  wal: 'WAL shipping',
  logical: 'Logical (row-based)',
  trigger: 'Trigger-based',
};

export type Comparison =
  | { ok: true; formats: Array<{ format: LogFormat; name: string; lines: string[] }> }
  | { ok: false; message: string };

/** What each format would ship for `sql`, run against `data` (NOW() and RAND() from `env`). */
export function compareFormats(
  data: Data,
  sql: string,
  env: ExecEnv,
  settings: LogFormatSettings,
  triggers: readonly Trigger[],
  engine: string,
): Comparison {
  const parsed = parseStatement(sql);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const result = executeTransaction(data, parsed.transaction, env, triggers);
  if (!result.ok) return { ok: false, message: result.error };
  const write = { sql, changes: result.changes, tx: 0, engine };
  return {
    ok: true,
    formats: LOG_FORMATS.map((format) => ({
      format,
      name: FORMAT_NAMES[format],
      lines: describeChange(encodeChange(format, settings, write)),
    })),
  };
}
