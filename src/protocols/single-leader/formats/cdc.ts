/**
 * Change data capture: a logical log read by an external consumer (a search index, a cache, a
 * data warehouse) as a stream of committed row changes, one event per row, tagged with the
 * transaction and log position they came from. Only logical and trigger-based entries carry
 * rows; statements and WAL records mean nothing outside the database that wrote them.
 */
import type { Row } from '../../shared/statements';
import type { LogEntry } from '../log';

export interface ChangeEvent {
  pos: number;
  /** The transaction (client operation) the change belongs to. */
  tx: number;
  op: 'insert' | 'update' | 'delete';
  table: string;
  id: number;
  /** Column values before the change (updates: the changed columns; deletes: the row). */
  before: Row | null;
  /** Column values after it (inserts: the row; updates: the changed columns). */
  after: Row | null;
}

/** The committed row changes of a log, in log order. */
export function changeEvents(log: readonly LogEntry[]): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  for (const entry of log) {
    const change = entry.change;
    if (change?.format !== 'logical' && change?.format !== 'trigger') continue;
    for (const c of change.changes) {
      const base = { pos: entry.pos, tx: entry.opId, op: c.op, table: c.table, id: c.id };
      if (c.op === 'insert') events.push({ ...base, before: null, after: c.row });
      else if (c.op === 'delete') events.push({ ...base, before: c.row, after: null });
      else events.push({ ...base, before: c.before, after: c.after });
    }
  }
  return events;
}
