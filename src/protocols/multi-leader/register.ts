/**
 * A plain value under multi-leader replication: the concurrent writes to it (siblings), each
 * tagged with its change id, and the ids of writes that are gone (overwritten by a write whose
 * origin had seen them). Applying changes is a union of sets, so any order of arrival ends in the
 * same state. The strategy only decides what a read shows: a strategy that keeps one write
 * shows its winner and discards the rest from view (reported as discards); they stay stored until
 * a write that saw them overwrites them, which is what keeps the choice independent of the order
 * changes arrive in (choosing eagerly, on whatever subset a replica had, would not converge).
 */
import type { ClientId, NodeId, Value } from '../../engine/types';
import type { Change } from './change';
import type { ConflictStrategy } from './config';

export interface RegSibling {
  id: string;
  origin: NodeId;
  value: Value;
  ts: number;
  opId: number;
  client: ClientId;
}

export interface RegisterState {
  kind: 'register';
  /** Sorted by id, so equal states are equal records. */
  siblings: RegSibling[];
  gone: Record<string, true>;
}

/** A write conflict resolution threw away, and the write that won. */
export interface Discard {
  loser: RegSibling;
  winner: RegSibling;
}

/** Concurrent writes found on one key, and what the strategy made of them. */
export interface ConflictFound {
  ids: string[];
  values: Value[];
  result: Value;
  discarded: Discard[];
}

export function emptyRegister(): RegisterState {
  return { kind: 'register', siblings: [], gone: {} };
}

function byId(a: RegSibling, b: RegSibling): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Positive when `a` beats `b` under a strategy that keeps one write; a total order. */
function beats(strategy: ConflictStrategy, a: RegSibling, b: RegSibling): number {
  const byTs = a.ts - b.ts || byId(a, b);
  if (strategy === 'highest-replica') return compareValues(a.origin, b.origin) || byTs;
  if (typeof strategy === 'object' && strategy.custom === 'keep-larger')
    return compareValues(a.value, b.value) || byTs;
  return byTs;
}

/** Strategies that keep one write and discard the rest. */
export function keepsOne(strategy: ConflictStrategy): boolean {
  return (
    strategy === 'lww' ||
    strategy === 'highest-replica' ||
    strategy === 'home-leader' ||
    (typeof strategy === 'object' && strategy.custom === 'keep-larger')
  );
}

/** The sibling a strategy that keeps one write shows. */
function winnerOf(siblings: readonly RegSibling[], strategy: ConflictStrategy): RegSibling {
  let winner = siblings[0] as RegSibling;
  for (const s of siblings) if (beats(strategy, s, winner) > 0) winner = s;
  return winner;
}

/** The value a read returns: what the strategy makes of the siblings. */
export function registerValue(state: RegisterState, strategy: ConflictStrategy): Value {
  const s = state.siblings;
  if (s.length === 0) return null;
  if (s.length === 1) return (s[0] as RegSibling).value;
  if (keepsOne(strategy)) return winnerOf(s, strategy).value;
  if (strategy === 'merge')
    return [...new Set(s.map((x) => String(x.value)))].sort(compareValues).join('/');
  if (typeof strategy === 'object' && strategy.custom === 'concatenate')
    return [...s]
      .sort((a, b) => a.ts - b.ts || byId(a, b))
      .map((x) => String(x.value))
      .join(' ');
  // siblings: the application sees them all
  return JSON.stringify({ siblings: s.map((x) => x.value).sort(compareValues) });
}

function siblingOf(change: Change, value: Value): RegSibling {
  return {
    id: change.id,
    origin: change.origin,
    value,
    ts: change.ts,
    opId: change.opId,
    client: change.client,
  };
}

/** What `change` replaces, and the value it writes, given the local state it lands on. */
function writeOf(state: RegisterState, change: Change, strategy: ConflictStrategy) {
  const op = change.op;
  if (op.t === 'set') return { replaces: op.replaces, value: op.value };
  if (op.t !== 'add-to' || state.siblings.length === 0) return null;
  // A statement: it reads whatever this replica holds now.
  const current = Number(registerValue(state, strategy));
  return {
    replaces: state.siblings.map((s) => s.id),
    value: (Number.isFinite(current) ? current : 0) + op.by,
  };
}

export interface RegisterApplied {
  /** `add-to` on a key this replica does not hold: the update has no row to change. */
  missingRow: boolean;
  conflict: ConflictFound | null;
}

/** Apply a change in place; returns what a report needs to know. */
export function applyRegister(
  state: RegisterState,
  change: Change,
  strategy: ConflictStrategy,
): RegisterApplied {
  const write = writeOf(state, change, strategy);
  if (write === null) return { missingRow: true, conflict: null };
  for (const id of write.replaces) state.gone[id] = true;
  const kept = state.siblings.filter((s) => state.gone[s.id] !== true);
  if (state.gone[change.id] !== true) kept.push(siblingOf(change, write.value));
  kept.sort(byId);
  state.siblings = kept;
  if (kept.length < 2 || state.gone[change.id] === true)
    return { missingRow: false, conflict: null };
  const found: ConflictFound = {
    ids: kept.map((s) => s.id),
    values: kept.map((s) => s.value),
    result: registerValue(state, strategy),
    discarded: [],
  };
  if (keepsOne(strategy)) {
    const winner = winnerOf(kept, strategy);
    for (const loser of kept) if (loser !== winner) found.discarded.push({ loser, winner });
  }
  return { missingRow: false, conflict: found };
}
