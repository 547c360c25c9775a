/**
 * One executed statement as each format ships it: a pure function, used by the leader for the
 * cluster's format and by the comparison view for all four.
 */
import type { Value } from '../../../engine/types';
import type { RowChange } from '../../shared/statements';
import type { FixedValues, FormatChange, LogFormat, LogFormatSettings } from './settings';
import { encodeWal } from './wal';

/** What the replication process ships: the filter (tables) and transform (omitted columns). */
function triggerRows(settings: LogFormatSettings, changes: readonly RowChange[]): RowChange[] {
  const tables = settings.triggerTables;
  const omit = new Set(settings.triggerOmitColumns);
  const strip = (row: Record<string, Value>) =>
    Object.fromEntries(Object.entries(row).filter(([column]) => !omit.has(column)));
  return changes
    .filter((c) => tables === null || tables.includes(c.table))
    .map(
      (c): RowChange =>
        c.op === 'update'
          ? { ...c, before: strip(c.before), after: strip(c.after) }
          : { ...c, row: strip(c.row) },
    );
}

export interface ExecutedWrite {
  sql: string;
  changes: readonly RowChange[];
  /** The values the leader substituted for NOW() and RAND(), if it did. */
  fixed?: FixedValues;
  /** The transaction id logical records carry (the client operation's id). */
  tx: number;
  /** The leader's storage-engine version. */
  engine: string;
}

export function encodeChange(
  format: LogFormat,
  settings: LogFormatSettings,
  write: ExecutedWrite,
): FormatChange {
  switch (format) {
    case 'statement':
      return write.fixed === undefined
        ? { format, sql: write.sql }
        : { format, sql: write.sql, fixed: write.fixed };
    case 'wal':
      return { format, engine: write.engine, records: encodeWal(write.engine, write.changes) };
    case 'logical':
      return { format, tx: write.tx, changes: [...write.changes] };
    case 'trigger':
      return { format, changes: triggerRows(settings, write.changes) };
  }
}
