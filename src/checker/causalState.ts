/**
 * Happens-before between operations, kept as vector clocks over client processes (Jepsen's
 * sessions). An operation happens before another when one of them follows the other in a
 * process (a process runs one operation at a time, as the engine's clients do), or when a read
 * returned what a write wrote (reads-from), or through a chain of those.
 *
 * `clockOf(op, p)` counts the operations of process p in op's causal past (itself included),
 * so "A happens before B" is one comparison: `clockOf(B, A.process) >= A.seq`. An operation's
 * own process is counted by its `seq`; `vc` holds the other processes' counts, so that a
 * process's operations share one clock until a read brings it something new.
 */
import type { ClientId, HistoryOp, Value } from '../engine/types';
import { userOf } from './state';

export interface CausalOp {
  opId: number;
  process: number;
  processId: ClientId;
  f: 'read' | 'write';
  key: string;
  /** What a write wrote, or what a read returned. */
  value: Value;
  /** Its place in its process's session, from 1 (so it is `ops[seq - 1]` of its process). */
  seq: number;
  /**
   * The other processes' counts (see `clockOf`): a write's at its invoke, a read's after it
   * returned (with what it read merged in). Shared, never changed: a new clock is a new array.
   */
  vc: readonly number[];
  status: HistoryOp['type'];
  invokeIndex: number;
  invokedAt: number;
  /** History index of its ok; meaningful only once `status` is ok. */
  okIndex: number;
  /** A read: the write it returned (when that write is known), else null. */
  readFrom: CausalOp | null;
  /**
   * A write not (yet) acknowledged: the reads that returned it. Each proves it took effect, and
   * took effect before whatever that read happens before. Null until there is one (most
   * writes are acknowledged before anyone reads them).
   */
  readers: CausalOp[] | null;
}

export interface CausalProcess {
  index: number;
  id: ClientId;
  /** The user it is a device of (see `userOf`). */
  user: string;
  /** The other processes' counts after its latest operation (shared with that operation). */
  vc: readonly number[];
  ops: CausalOp[];
  /** Key → its writes of that key, in session order. */
  writes: Map<string, CausalOp[]>;
  /** Key → its reads of that key that returned a known write, in session order. */
  reads: Map<string, CausalOp[]>;
  /** Per process index: the newest write of that process this one has read, and the read. */
  newestRead: Array<{ write: CausalOp; read: CausalOp } | undefined>;
}

export interface CausalState {
  processes: Map<ClientId, CausalProcess>;
  byIndex: CausalProcess[];
  /** Key → history index of the last write to it invoked so far. */
  lastWriteInvoke: Map<string, number>;
}

export function newCausalState(): CausalState {
  return { processes: new Map(), byIndex: [], lastWriteInvoke: new Map() };
}

export function processOf(state: CausalState, id: ClientId): CausalProcess {
  let p = state.processes.get(id);
  if (p === undefined) {
    p = {
      index: state.byIndex.length,
      id,
      user: userOf(id),
      vc: [],
      ops: [],
      writes: new Map(),
      reads: new Map(),
      newestRead: [],
    };
    state.processes.set(id, p);
    state.byIndex.push(p);
  }
  return p;
}

/** The user whose device ran `op` (see `userOf`). */
export function userOfOp(state: CausalState, op: CausalOp): string {
  return (state.byIndex[op.process] as CausalProcess).user;
}

/** How many operations of `process` are in the causal past of `op`, itself included. */
export function clockOf(op: CausalOp, process: number): number {
  return process === op.process ? op.seq : (op.vc[process] ?? 0);
}

/**
 * The clock of a read of process `self` once it has returned what `write` wrote: the pointwise
 * maximum, or `vc` itself when the write brings nothing new (a read of the process's own
 * write, or of one it already depended on).
 */
export function mergeWrite(
  vc: readonly number[],
  self: number,
  write: CausalOp,
): readonly number[] {
  const n = Math.max(vc.length, write.vc.length, write.process + 1);
  let merged: number[] | null = null;
  for (let i = 0; i < n; i++) {
    const theirs = i === self ? 0 : clockOf(write, i);
    if (theirs <= (vc[i] ?? 0)) continue;
    merged ??= copyClock(vc, n);
    merged[i] = theirs;
  }
  return merged ?? vc;
}

function copyClock(vc: readonly number[], length: number): number[] {
  const copy: number[] = [];
  for (let i = 0; i < length; i++) copy.push(vc[i] ?? 0);
  return copy;
}

/** Does `a` happen before `b` (a ≠ b)? */
export function happensBefore(a: CausalOp, b: CausalOp): boolean {
  return a !== b && clockOf(b, a.process) >= a.seq;
}

/**
 * Certainly took effect before `op` began. An acknowledged write did (session order and
 * reads-from only order completed operations). An indeterminate one may take effect long after
 * its client gave up, even after that client's next operations, so only a read of it that
 * happens before `op` proves it: following it in session order does not.
 */
export function tookEffectBefore(write: CausalOp, op: CausalOp): boolean {
  return write.status === 'ok' || proofBefore(write, op) !== undefined;
}

/** The first read of an unacknowledged write that happens before `op`, if any. */
export function proofBefore(write: CausalOp, op: CausalOp): CausalOp | undefined {
  for (const reader of write.readers ?? []) if (happensBefore(reader, op)) return reader;
  return undefined;
}

/** How many of `ops` (in session order) have `seq <= maxSeq`. */
function countUpTo(ops: readonly CausalOp[], maxSeq: number): number {
  let lo = 0;
  let hi = ops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ops[mid] as CausalOp).seq <= maxSeq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last of `ops` (in session order) with `seq <= maxSeq`, or null. */
export function lastUpTo(ops: readonly CausalOp[] | undefined, maxSeq: number): CausalOp | null {
  if (ops === undefined) return null;
  const n = countUpTo(ops, maxSeq);
  return n > 0 ? (ops[n - 1] as CausalOp) : null;
}

/**
 * The last of `writes` (in session order) with `seq <= maxSeq`, other than `except`, that
 * certainly took effect before `op`; or null. (A loop rather than a predicate: it runs for
 * most reads, and a closure per call was a measurable share of the checker's garbage.)
 */
export function lastTookEffectUpTo(
  writes: readonly CausalOp[] | undefined,
  maxSeq: number,
  op: CausalOp,
  except: CausalOp | null,
): CausalOp | null {
  if (writes === undefined) return null;
  for (let i = countUpTo(writes, maxSeq) - 1; i >= 0; i--) {
    const w = writes[i] as CausalOp;
    if (w !== except && tookEffectBefore(w, op)) return w;
  }
  return null;
}

/**
 * How `cause` came to happen before `effect`, as the operations that carry it: `cause`, then
 * each write a read in the chain returned and the read that returned it, ending with `effect`.
 * Within a process, session order carries it from one to the next.
 */
export function chainOf(state: CausalState, cause: CausalOp, effect: CausalOp): CausalOp[] {
  const chain: CausalOp[] = [effect];
  let current = effect;
  // The effect's own read does not count: only what it depended on when it began.
  let limit = effect.seq - 2;
  while (current.process !== cause.process) {
    const ops = (state.byIndex[current.process] as CausalProcess).ops;
    const carrier = firstCovering(ops, limit, cause);
    const from = carrier?.readFrom;
    if (carrier === undefined || from === null || from === undefined) break;
    if (carrier !== current) chain.push(carrier);
    chain.push(from);
    current = from;
    limit = from.seq - 1;
  }
  if (current !== cause) chain.push(cause);
  return chain.reverse();
}

/** The first of `ops[0..limit]` whose clock covers `cause`. */
function firstCovering(ops: readonly CausalOp[], limit: number, cause: CausalOp) {
  let lo = 0;
  let hi = limit + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (clockOf(ops[mid] as CausalOp, cause.process) >= cause.seq) hi = mid;
    else lo = mid + 1;
  }
  return lo <= limit ? ops[lo] : undefined;
}
