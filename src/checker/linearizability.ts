/**
 * Linearizability of single-key reads and writes: could every operation have taken effect at
 * one instant between its invoke and its completion, in one order that a single copy of the
 * data (a register per key, initially nothing) explains? Keys are independent (a history is
 * linearizable exactly when each key's part is), so each key is searched on its own.
 *
 * - Failed writes did not happen and failed or indeterminate reads returned nothing: left out.
 * - An indeterminate write (`info`, or never completed) may take effect any time after its
 *   invoke, or never. One that no read returned can always be taken as "never": left out.
 * - A violation is explained by the smallest set of operations found that no order can explain
 *   (usually two to four), named in the finding, so the diagram can draw them.
 */
import type { HistoryOp, Value } from '../engine/types';
import { type RegisterOp, searchRegister } from './linearSearch';
import { explainViolation, witnessOf } from './linearWitness';
import type { Finding } from './types';

export interface LinearizabilityOptions {
  /** Search steps allowed per key before giving up on it. */
  maxSteps: number;
}

export const DEFAULT_LINEARIZABILITY_OPTIONS: LinearizabilityOptions = { maxSteps: 2_000_000 };

export interface LinearizabilityResult {
  /** `unknown` when no violation was found but the search gave up on some key. */
  verdict: 'linearizable' | 'violated' | 'unknown';
  /** One finding per key that is not linearizable. */
  findings: Finding[];
  /** Keys the search gave up on. */
  undecided: string[];
}

/** A key's operations, ready for the search, and how to name them. */
export interface KeyHistory {
  key: string;
  ops: RegisterOp[];
  /** opId → its invoke and completion (if any), for explanations. */
  entries: Map<number, { invoke: HistoryOp; done: HistoryOp | undefined }>;
  /** Value number → the value. */
  values: Value[];
}

/** Split the history by key, keeping what the search should see. */
export function keyHistories(history: readonly HistoryOp[]): KeyHistory[] {
  const invokes = new Map<number, HistoryOp>();
  const done = new Map<number, HistoryOp>();
  const readValues = new Map<string, Set<Value>>();
  for (const h of history) {
    if (h.type === 'invoke') invokes.set(h.opId, h);
    else done.set(h.opId, h);
    if (h.f === 'read' && h.type === 'ok') setAt(readValues, h.key).add(h.value);
  }
  const byKey = new Map<string, KeyHistory>();
  for (const inv of invokes.values()) {
    const end = done.get(inv.opId);
    const status = end?.type ?? 'info';
    if (status === 'fail' || (inv.f === 'read' && status !== 'ok')) continue;
    const maybe = status !== 'ok';
    if (maybe && !readValues.get(inv.key)?.has(inv.value)) continue;
    const k = keyAt(byKey, inv.key);
    const value = inv.f === 'read' ? (end as HistoryOp).value : inv.value;
    k.ops.push({
      opId: inv.opId,
      f: inv.f,
      value: valueNumber(k, value),
      call: inv.index,
      ret: maybe ? Number.POSITIVE_INFINITY : (end as HistoryOp).index,
    });
    k.entries.set(inv.opId, { invoke: inv, done: end });
  }
  return [...byKey.values()];
}

function setAt(map: Map<string, Set<Value>>, key: string): Set<Value> {
  let set = map.get(key);
  if (set === undefined) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}

function keyAt(map: Map<string, KeyHistory>, key: string): KeyHistory {
  let k = map.get(key);
  if (k === undefined) {
    k = { key, ops: [], entries: new Map(), values: [null] };
    map.set(key, k);
  }
  return k;
}

function valueNumber(k: KeyHistory, value: Value): number {
  const i = k.values.indexOf(value);
  if (i >= 0) return i;
  k.values.push(value);
  return k.values.length - 1;
}

/** Is the history linearizable? Each violating key gets one finding naming its witnesses. */
export function checkLinearizable(
  history: readonly HistoryOp[],
  options: Partial<LinearizabilityOptions> = {},
): LinearizabilityResult {
  const { maxSteps } = { ...DEFAULT_LINEARIZABILITY_OPTIONS, ...options };
  const findings: Finding[] = [];
  const undecided: string[] = [];
  for (const k of keyHistories(history)) {
    const result = searchRegister(k.ops, maxSteps);
    if (result === 'gave-up') undecided.push(k.key);
    if (result !== 'not-linearizable') continue;
    const witness = witnessOf(k.ops, maxSteps);
    findings.push({
      kind: 'linearizability',
      ops: witness.map((o) => o.opId),
      explanation: explainViolation(k, witness),
    });
  }
  const verdict =
    findings.length > 0 ? 'violated' : undecided.length > 0 ? 'unknown' : 'linearizable';
  return { verdict, findings, undecided };
}
