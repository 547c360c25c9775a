/**
 * How tables live in a replica's key-value data: one key per column of each row,
 * `<table>/<id>.<column>`, so a replica's data stays a flat map of plain values and the
 * checker's divergence check compares rows column by column. Every row has an `id` column.
 */
import type { Value } from '../../../engine/types';

export type Data = Record<string, Value>;
export type Row = Record<string, Value>;

/** One row changed by a statement: what a row-based (logical) log ships. */
export type RowChange =
  | { op: 'insert'; table: string; id: number; row: Row }
  /** Only the columns that changed, with their old and new values. */
  | { op: 'update'; table: string; id: number; before: Row; after: Row }
  | { op: 'delete'; table: string; id: number; row: Row };

export function columnKey(table: string, id: number, column: string): string {
  return `${table}/${id}.${column}`;
}

/** Split a data key into table, id and column; null for keys that are not table columns. */
export function parseColumnKey(key: string): { table: string; id: number; column: string } | null {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\/(\d+)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(key);
  if (m === null) return null;
  return { table: m[1] as string, id: Number(m[2]), column: m[3] as string };
}

/** The rows of one table, by id, in id order. */
export function rowsOf(data: Data, table: string): Map<number, Row> {
  const rows = new Map<number, Row>();
  const prefix = `${table}/`;
  for (const key of Object.keys(data)) {
    if (!key.startsWith(prefix)) continue;
    const parsed = parseColumnKey(key);
    if (parsed === null || parsed.table !== table) continue;
    let row = rows.get(parsed.id);
    if (row === undefined) {
      row = {};
      rows.set(parsed.id, row);
    }
    row[parsed.column] = data[key] ?? null;
  }
  return new Map([...rows].sort((a, b) => a[0] - b[0]));
}

/** The id the next INSERT without an id gets: one more than the largest present. */
export function nextId(data: Data, table: string): number {
  let max = 0;
  for (const id of rowsOf(data, table).keys()) max = Math.max(max, id);
  return max + 1;
}

/** Apply one row change to data in place. */
export function applyRowChange(data: Data, change: RowChange): void {
  const { table, id } = change;
  if (change.op === 'delete') {
    const prefix = `${table}/${id}.`;
    for (const key of Object.keys(data)) if (key.startsWith(prefix)) delete data[key];
    return;
  }
  const columns = change.op === 'insert' ? change.row : change.after;
  for (const [column, value] of Object.entries(columns)) data[columnKey(table, id, column)] = value;
}

/** Apply row changes in order. */
export function applyRowChanges(data: Data, changes: readonly RowChange[]): void {
  for (const change of changes) applyRowChange(data, change);
}
