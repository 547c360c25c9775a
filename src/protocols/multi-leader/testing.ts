/**
 * Test helpers: changes made by hand, and random histories in which a few replicas edit one key
 * and now and then exchange what they have, so their operations carry real causal structure.
 */
import fc from 'fast-check';
import type { Value } from '../../engine/types';
import { type Change, changeId, type Op } from './change';
import type { ConflictStrategy, ValueKind } from './config';
import { applyToKey, emptyKey, type KeyState, originOp } from './values';

export function changeOf(origin: string, counter: number, op: Op, ts = counter): Change {
  return {
    id: changeId(origin, counter),
    origin,
    counter,
    key: 'k',
    ts,
    deps: {},
    path: [origin],
    op,
    opId: counter,
    client: `c-${origin}`,
    value: null,
  };
}

/** One step of a random history: replica `at` writes `value`, or pulls everything from `from`. */
export type HistoryStep = { at: number; value: Value } | { at: number; from: number };

export const historyArb = (values: fc.Arbitrary<Value>, replicas = 3) =>
  fc.array(
    fc.oneof(
      fc.record({ at: fc.nat(replicas - 1), value: values }),
      fc.record({ at: fc.nat(replicas - 1), from: fc.nat(replicas - 1) }),
    ),
    { maxLength: 25 },
  );

interface Replica {
  id: string;
  state: KeyState;
  seen: Set<string>;
  counter: number;
}

/**
 * Play a history: each write becomes an op at its replica (from that replica's state), each pull
 * applies the other's changes it lacks. Returns every change made, in the order made.
 */
export function playHistory(
  kind: ValueKind,
  strategy: ConflictStrategy,
  steps: readonly HistoryStep[],
  replicas = 3,
): Change[] {
  const all: Change[] = [];
  const rs: Replica[] = Array.from({ length: replicas }, (_, i) => ({
    id: `r${i}`,
    state: emptyKey(kind),
    seen: new Set(),
    counter: 0,
  }));
  for (const step of steps) {
    const r = rs[step.at] as Replica;
    if ('from' in step) {
      const from = rs[step.from] as Replica;
      for (const c of all)
        if (from.seen.has(c.id) && !r.seen.has(c.id)) {
          applyToKey(r.state, c, strategy);
          r.seen.add(c.id);
        }
      continue;
    }
    const op = originOp(r.state, step.value);
    if ('error' in op) continue;
    r.counter++;
    const change = changeOf(r.id, r.counter, op, all.length);
    all.push(change);
    applyToKey(r.state, change, strategy);
    r.seen.add(change.id);
  }
  return all;
}

/** A fresh replica's state after applying `changes` in the given order. */
export function replay(kind: ValueKind, strategy: ConflictStrategy, changes: readonly Change[]) {
  const state = emptyKey(kind);
  for (const c of changes) applyToKey(state, c, strategy);
  return state;
}
