/**
 * What applying one log entry did to a replica's data, kept beside the log so that the data can
 * be rebuilt when the log's tail is discarded (a statement cannot simply be run again: NOW() and
 * RAND() would give new values).
 */
import type { Value } from '../../../engine/types';
import { columnKey, type RowChange } from '../../shared/statements';

/** Keys set to a value, or removed (`del`). */
export type DataPatch = Array<{ key: string; value: Value; del?: true }>;

export function patchOf(changes: readonly RowChange[]): DataPatch {
  const patch: DataPatch = [];
  for (const c of changes) {
    const columns = c.op === 'update' ? c.after : c.row;
    for (const [column, value] of Object.entries(columns)) {
      const key = columnKey(c.table, c.id, column);
      patch.push(c.op === 'delete' ? { key, value: null, del: true } : { key, value });
    }
  }
  return patch;
}

export function applyPatch(data: Record<string, Value>, patch: DataPatch): void {
  for (const p of patch) {
    if (p.del) delete data[p.key];
    else data[p.key] = p.value;
  }
}
