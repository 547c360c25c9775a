/**
 * The log-format metrics of a run (docs/log-formats.md): WAL records a follower could not apply,
 * statements that failed on a follower, and autoincrement ids handed to two different writes.
 */
import type { HistoryOp, TraceEvent } from '../../../engine/types';

function countEvents(trace: readonly TraceEvent[], name: string): number {
  let n = 0;
  for (const t of trace) if (t.type === 'protocol' && t.name === name) n++;
  return n;
}

/**
 * Ids (`table/id`) that two acknowledged writes were each told they inserted: after a lagging
 * follower is promoted, anything that remembered the first (a cache) now finds another row.
 */
export function autoincIdsReused(history: readonly HistoryOp[]): number {
  const owners = new Map<string, number>();
  let reused = 0;
  for (const h of history) {
    const inserted = h.type === 'ok' && h.f === 'write' ? h.meta?.inserted : undefined;
    if (typeof inserted !== 'string') continue;
    for (const id of inserted.split(',')) {
      const owner = owners.get(id);
      if (owner === undefined) owners.set(id, h.opId);
      else if (owner !== h.opId) reused++;
    }
  }
  return reused;
}

export function formatMetrics(
  trace: readonly TraceEvent[],
  history: readonly HistoryOp[],
): Record<string, number> {
  return {
    walIncompatible: countEvents(trace, 'wal-incompatible'),
    statementsFailedOnFollowers: countEvents(trace, 'statement-failed'),
    autoincIdsReused: autoincIdsReused(history),
  };
}
