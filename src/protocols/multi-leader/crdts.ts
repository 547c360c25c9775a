/**
 * Two CRDTs that converge without conflicts, whatever order their operations arrive in: a
 * counter (each leader's increments kept apart and summed) and an observed-remove set (an add is
 * tagged with its change id; a remove takes away only the tags its origin had seen, so an add
 * concurrent with a remove survives it).
 */
import type { NodeId } from '../../engine/types';
import type { Change } from './change';

export interface CounterState {
  kind: 'counter';
  byOrigin: Record<NodeId, number>;
}

export interface SetState {
  kind: 'set';
  /** Tag (change id) → item. */
  tags: Record<string, string>;
  /** Tags removed, kept so a remove that overtook its add still wins over that add. */
  removed: Record<string, true>;
}

export function emptyCounter(): CounterState {
  return { kind: 'counter', byOrigin: {} };
}

export function emptySet(): SetState {
  return { kind: 'set', tags: {}, removed: {} };
}

export function applyCounter(state: CounterState, change: Change): void {
  if (change.op.t !== 'incr') return;
  state.byOrigin[change.origin] = (state.byOrigin[change.origin] ?? 0) + change.op.by;
}

export function counterValue(state: CounterState): number {
  let sum = 0;
  for (const origin of Object.keys(state.byOrigin).sort()) sum += state.byOrigin[origin] ?? 0;
  return sum;
}

export function applySet(state: SetState, change: Change): void {
  const op = change.op;
  if (op.t === 'add' && state.removed[change.id] !== true) state.tags[change.id] = op.item;
  if (op.t === 'remove') {
    for (const tag of op.tags) {
      state.removed[tag] = true;
      delete state.tags[tag];
    }
  }
}

/** The tags under which `item` is present here: what a remove issued here takes away. */
export function tagsOf(state: SetState, item: string): string[] {
  return Object.keys(state.tags)
    .filter((tag) => state.tags[tag] === item)
    .sort();
}

export function setItems(state: SetState): string[] {
  return [...new Set(Object.values(state.tags))].sort();
}
