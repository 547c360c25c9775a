/**
 * The conflicts a multi-leader run has found so far, for the conflicts panel: each distinct set
 * of concurrent writes on a key, where and when it was first found, what the strategy made of it
 * and which writes it discarded from view. Read from the trace incrementally (a frame looks only
 * at the entries added since the last one); after time travel cuts the trace (and perhaps regrows
 * it differently, after an input in the past), it starts over.
 */
import { traceEntryAt } from '../../engine/traceLog';
import type { Value } from '../../engine/types';
import type { Session } from '../session';

export interface ConflictView {
  key: string;
  at: number;
  node: string;
  strategy: string;
  writes: Array<{ id: string; value: Value }>;
  /** The value a read shows after the strategy. */
  result: Value;
  /** Writes the strategy discarded from view (keep-one strategies). */
  discarded: Array<{ id: string; value: Value; client: string }>;
}

interface Cache {
  scanned: number;
  /** The trace log's `cuts` when scanned: a change means it was cut and perhaps regrown. */
  cuts: number;
  seen: Set<string>;
  found: ConflictView[];
}

const NONE: readonly ConflictView[] = Object.freeze([]);
const caches = new WeakMap<Session, Cache>();

interface ConflictDetail {
  key: string;
  strategy: string;
  ids: string[];
  values: Value[];
  result: Value;
}
interface DiscardDetail {
  key: string;
  loser: { id: string; value: Value; client: string };
}

export function conflictsSoFar(session: Session): readonly ConflictView[] {
  if (session.scenario.protocol !== 'multi-leader') return NONE;
  const trace = session.sim.logs.trace;
  let cache = caches.get(session);
  const stale = cache !== undefined && (cache.scanned > trace.count || cache.cuts !== trace.cuts);
  if (cache === undefined || stale) {
    cache = { scanned: 0, cuts: trace.cuts, seen: new Set(), found: [] };
    caches.set(session, cache);
  }
  if (cache.scanned === trace.count) return cache.found;
  const found = [...cache.found];
  let last: ConflictView | null = null;
  for (let i = cache.scanned; i < trace.count; i++) {
    const t = traceEntryAt(trace, i);
    if (t.type !== 'protocol') continue;
    if (t.name === 'conflict') {
      const d = t.detail as ConflictDetail;
      const id = `${d.key}|${d.ids.join(',')}`;
      last = null;
      if (cache.seen.has(id)) continue;
      cache.seen.add(id);
      last = {
        key: d.key,
        at: t.t,
        node: String(t.node),
        strategy: d.strategy,
        writes: d.ids.map((w, j) => ({ id: w, value: d.values[j] ?? null })),
        result: d.result,
        discarded: [],
      };
      found.push(last);
    } else if (t.name === 'discard' && last !== null) {
      // A discard follows the conflict it belongs to, in the same step.
      const { loser } = t.detail as DiscardDetail;
      last.discarded.push({ id: loser.id, value: loser.value, client: loser.client });
    }
  }
  const changed = found.length !== cache.found.length || last !== null;
  cache.scanned = trace.count;
  if (changed) cache.found = found;
  return cache.found;
}
