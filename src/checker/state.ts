/**
 * The checker's running state: what it has learnt from the history so far. Plain data (maps of
 * records), owned by the caller and updated in place by `feedChecker`; clone it with
 * `structuredClone` to keep an older one.
 *
 * "Before" always means history order: an entry earlier in the history happened earlier in
 * real time (the simulation appends entries as it processes events, one at a time). Two
 * operations are ordered only when one completed before the other was invoked; overlapping
 * ones are concurrent, and the checker never orders them.
 */
import type { ClientId, HistoryOp, Value } from '../engine/types';
import type { CausalState } from './causalState';
import type { CheckerOptions, Finding } from './types';

/**
 * A write some user must not read behind, and how the user came to depend on it. Held in a
 * `Context` as four numbers, so that contexts copy cheaply (one per write, as its causal past).
 */
export interface Dependency {
  /** History index of the write's invoke: a value is older if its write completed before. */
  invokeIndex: number;
  /** The write's opId. */
  write: number;
  /** The read through which the user learnt of it (monotonic reads, consistent prefix); or -1. */
  read: number;
  /** Consistent prefix: the write on another key that depends on it, which the user saw; or -1. */
  via: number;
}

/** Fields per key in a context: invokeIndex, write, read, via. */
export const SLOT = 4;

/**
 * Key number → the newest write depended on for that key (newest = invoked last). Slots past
 * the end, or with invokeIndex -1, hold nothing.
 */
export type Context = Int32Array;

export function emptyContext(keys: number): Context {
  return new Int32Array(Math.max(4, keys) * SLOT).fill(-1);
}

export function dependencyAt(context: Context, key: number): Dependency | undefined {
  const i = key * SLOT;
  const invokeIndex = context[i] ?? -1;
  if (invokeIndex < 0) return undefined;
  return {
    invokeIndex,
    write: context[i + 1] as number,
    read: context[i + 2] as number,
    via: context[i + 3] as number,
  };
}

/**
 * Keep the newer of the dependency at `key` and the given one; returns the context (a larger
 * copy if `key` did not fit) and whether it changed.
 */
export function remember(
  context: Context,
  key: number,
  invokeIndex: number,
  write: number,
  read: number,
  via: number,
): Context | null {
  let c = context;
  const i = key * SLOT;
  if (i >= c.length) {
    c = new Int32Array(Math.max(c.length * 2, i + SLOT)).fill(-1);
    c.set(context);
  }
  if ((c[i] as number) >= invokeIndex) return c === context ? null : c;
  c[i] = invokeIndex;
  c[i + 1] = write;
  c[i + 2] = read;
  c[i + 3] = via;
  return c;
}

/** The number of key slots a context has room for. */
export function slots(context: Context): number {
  return context.length / SLOT;
}

export interface WriteRecord {
  opId: number;
  process: ClientId;
  user: string;
  key: string;
  value: Value;
  invokeIndex: number;
  invokedAt: number;
  status: HistoryOp['type'];
  /** History index of its ok; Infinity unless acknowledged. */
  okIndex: number;
  okAt: number;
  /** Its place in its key's list of acknowledged writes; -1 unless acknowledged. */
  ackSlot: number;
  /** What its writer depended on when it wrote (its causal past, newest write per key). */
  deps: Context;
  /** Its key's number. */
  keyNo: number;
}

export interface ReadRecord {
  opId: number;
  process: ClientId;
  user: string;
  key: string;
  keyNo: number;
  invokeIndex: number;
  invokedAt: number;
  /** The newest acknowledged write of the user on this key when the read began. */
  ownWrite: Dependency | undefined;
  /** The newest write the user had read on this key when the read began. */
  seen: Dependency | undefined;
  /** The newest write on this key that writes the user had seen depend on. */
  causal: Dependency | undefined;
}

export interface KeyState {
  /** Its number: its slot in contexts. */
  no: number;
  /** Value → the write that wrote it; null when several writes wrote it (not identifiable). */
  byValue: Map<Value, WriteRecord | null>;
  /** Acknowledged writes in acknowledgement order. */
  acked: WriteRecord[];
}

export interface UserState {
  /** The user's own acknowledged writes. */
  own: Context;
  /** Writes the user's completed reads returned. */
  seen: Context;
  /** Writes that the writes the user has seen (on other keys) depend on. */
  causal: Context;
  /** All three together: what a write the user makes now causally follows. */
  context: Context;
  /** `context` is shared with a write: copy before changing it. */
  contextShared: boolean;
  /** The causal past last merged into `causal`, and from a write on which key (to skip repeats). */
  lastMerged: Context | null;
  lastMergedKey: number;
}

export interface CheckerState {
  options: CheckerOptions;
  /** How many history entries have been fed. */
  fed: number;
  /** The last entry fed: if the history no longer holds it, the history was rewritten. */
  lastEntry: HistoryOp | null;
  writes: Map<number, WriteRecord>;
  /** Reads invoked and not yet completed. */
  reads: Map<number, ReadRecord>;
  keys: Map<string, KeyState>;
  users: Map<string, UserState>;
  /** Happens-before, for monotonic writes, writes-follow-reads and causal consistency. */
  causal: CausalState;
  findings: Finding[];
}

/**
 * The user a client process belongs to: the part of its id before `@`. `user-1@phone` and
 * `user-1@laptop` are two devices of `user-1`; a plain `user-1` is a user with one device.
 */
export function userOf(process: ClientId): string {
  const at = process.indexOf('@');
  return at < 0 ? process : process.slice(0, at);
}

export function keyState(state: CheckerState, key: string): KeyState {
  let k = state.keys.get(key);
  if (k === undefined) {
    k = { no: state.keys.size, byValue: new Map(), acked: [] };
    state.keys.set(key, k);
  }
  return k;
}

export function userState(state: CheckerState, user: string): UserState {
  let u = state.users.get(user);
  if (u === undefined) {
    const keys = state.keys.size;
    u = {
      own: emptyContext(keys),
      seen: emptyContext(keys),
      causal: emptyContext(keys),
      context: emptyContext(keys),
      contextShared: false,
      lastMerged: null,
      lastMergedKey: -1,
    };
    state.users.set(user, u);
  }
  return u;
}

type Part = 'own' | 'seen' | 'causal';

/** Record a dependency of the user in one part of their state, and in their whole context. */
export function depend(
  user: UserState,
  part: Part,
  key: number,
  invokeIndex: number,
  write: number,
  read = -1,
  via = -1,
): void {
  const next = remember(user[part], key, invokeIndex, write, read, via);
  if (next === null) return;
  user[part] = next;
  if (user.contextShared) {
    user.context = user.context.slice();
    user.contextShared = false;
  }
  user.context = remember(user.context, key, invokeIndex, write, read, via) ?? user.context;
}

/** The user's whole context, to keep as a write's causal past (shared until the user changes it). */
export function shareContext(user: UserState): Context {
  user.contextShared = true;
  return user.context;
}
