/**
 * Why a key's operations are not linearizable, as few operations as possible: the shortest
 * order that cannot exist.
 *
 * With unique written values (the workload's are), a register history is linearizable exactly
 * when (Gibbons & Korach) no read returns a value before its write began, no two "forward zones"
 * overlap and no "backward zone" lies inside a forward one. A value's zone runs between the
 * earliest completion and the latest invoke among its write and the reads that returned it;
 * forward when that completion comes first (the value had to stay in place all along). So a
 * violation is always shown by the write and the two extreme operations of two values: at
 * most six, and usually two to four once trimmed. Each candidate is confirmed by the search
 * itself, and when values repeat (then the zones prove nothing) the search trims the whole key.
 */
import type { HistoryOp } from '../engine/types';
import { showValue } from './explain';
import type { KeyHistory } from './linearizability';
import { type RegisterOp, searchRegister } from './linearSearch';

/** Candidates confirmed by search at most (the earliest first). */
const MAX_CANDIDATES = 50;
/** A key with more operations than this is not trimmed one by one when the zones fail. */
const MAX_TRIM = 60;

interface Zone {
  ops: RegisterOp[];
  forward: boolean;
  lo: number;
  hi: number;
}

function zones(ops: readonly RegisterOp[]): Zone[] {
  const clusters = new Map<number, RegisterOp[]>();
  for (const o of ops) {
    const list = clusters.get(o.value) ?? [];
    list.push(o);
    clusters.set(o.value, list);
  }
  const out: Zone[] = [];
  for (const [value, members] of clusters) {
    const writers = members.filter((o) => o.f === 'write');
    if (writers.length > 1) continue;
    // The initial value was in place from the start, as if written before everything.
    const minRet = Math.min(
      ...members.map((o) => o.ret),
      value === 0 && writers.length === 0 ? -1 : Infinity,
    );
    const maxCall = Math.max(...members.map((o) => o.call));
    const extremes = members.filter((o) => o.ret === minRet || o.call === maxCall);
    out.push({
      ops: [...new Set([...writers, ...extremes])],
      forward: minRet < maxCall,
      lo: Math.min(minRet, maxCall),
      hi: Math.max(minRet, maxCall),
    });
  }
  return out;
}

function conflict(a: Zone, b: Zone): boolean {
  if (a.forward && b.forward) return a.lo < b.hi && b.lo < a.hi;
  if (!a.forward && b.forward) return b.lo < a.lo && a.hi < b.hi;
  return false;
}

function fails(ops: readonly RegisterOp[], maxSteps: number): boolean {
  return searchRegister(ops, maxSteps) === 'not-linearizable';
}

/** Every read's value still has its write (or is the initial value) without `op`. */
function removable(set: readonly RegisterOp[], op: RegisterOp): boolean {
  if (op.f === 'read') return true;
  const others = set.filter((o) => o !== op);
  const stillWritten = others.some((o) => o.f === 'write' && o.value === op.value);
  return stillWritten || !others.some((o) => o.f === 'read' && o.value === op.value);
}

/** Drop operations one at a time while what is left still cannot be ordered. */
function trim(set: RegisterOp[], maxSteps: number): RegisterOp[] {
  let current = set;
  for (let i = current.length - 1; i >= 0; i--) {
    const op = current[i] as RegisterOp;
    if (!removable(current, op)) continue;
    const rest = current.filter((o) => o !== op);
    if (rest.length > 0 && fails(rest, maxSteps)) current = rest;
  }
  return current;
}

const byCall = (a: RegisterOp, b: RegisterOp) => a.call - b.call;

/** A small set of the key's operations that no order can explain (ordered by invoke). */
export function witnessOf(ops: readonly RegisterOp[], maxSteps: number): RegisterOp[] {
  const written = new Set(ops.filter((o) => o.f === 'write').map((o) => o.value));
  const unwritten = ops.find((o) => o.f === 'read' && o.value !== 0 && !written.has(o.value));
  if (unwritten !== undefined) return [unwritten];
  const candidates: RegisterOp[][] = [];
  const zs = zones(ops);
  for (const a of zs) {
    for (const b of zs) {
      if (a !== b && conflict(a, b)) candidates.push([...new Set([...a.ops, ...b.ops])]);
    }
  }
  const latest = (set: RegisterOp[]) => Math.max(...set.map((o) => o.call));
  candidates.sort((x, y) => latest(x) - latest(y) || x.length - y.length);
  for (const set of candidates.slice(0, MAX_CANDIDATES)) {
    if (fails(set, maxSteps)) return trim(set, maxSteps).sort(byCall);
  }
  if (ops.length <= MAX_TRIM) return trim([...ops], maxSteps).sort(byCall);
  return [...ops].sort(byCall);
}

function describeOp(k: KeyHistory, o: RegisterOp): string {
  const e = k.entries.get(o.opId) as { invoke: HistoryOp; done: HistoryOp | undefined };
  const value = showValue(k.values[o.value] ?? null);
  const what =
    o.f === 'write' ? `${e.invoke.process} wrote ${value}` : `${e.invoke.process} read ${value}`;
  const span =
    o.ret === Number.POSITIVE_INFINITY
      ? `from ${e.invoke.time} ms, never acknowledged`
      : `${e.invoke.time}–${(e.done as HistoryOp).time} ms`;
  return `op ${o.opId} (${what}, ${span})`;
}

export function explainViolation(k: KeyHistory, witness: readonly RegisterOp[]): string {
  if (witness.length === 1) {
    return `No write explains ${describeOp(k, witness[0] as RegisterOp)}: nothing that took effect wrote that value to ${k.key}.`;
  }
  return `No single copy of ${k.key} explains these ${witness.length} operations: ${witness.map((o) => describeOp(k, o)).join(', ')}; each had to take effect at one instant within its span, and no order of those instants gives every read the value it returned.`;
}
