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
import type { CausalOp, CausalState } from './causalState';
import type { CheckerOptions, Finding } from './types';

/**
 * A write some user must not read behind, and how the user came to depend on it. Never changed
 * once made, so contexts, and reads that began under them, share it instead of copying it.
 */
export interface Dependency {
  /** History index of the write's invoke: a value is older if its write completed before. */
  readonly invokeIndex: number;
  /** The write's opId. */
  readonly write: number;
  /** The read through which the user learnt of it (monotonic reads, consistent prefix); or -1. */
  readonly read: number;
  /** Consistent prefix: the write on another key that depends on it, which the user saw; or -1. */
  readonly via: number;
}

/**
 * Key number → the newest write depended on for that key (newest = invoked last), or nothing.
 * An array of shared, unchanging dependencies, so that keeping one per write (as its causal
 * past) copies a few pointers per key.
 */
export type Context = Array<Dependency | undefined>;

export function dependencyAt(context: Context, key: number): Dependency | undefined {
  return context[key];
}

/** Would a write invoked at `invokeIndex` be newer than what `context` holds for `key`? */
function isNewer(context: Context, key: number, invokeIndex: number): boolean {
  const held = context[key];
  return held === undefined || held.invokeIndex < invokeIndex;
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
  /** The same operation as happens-before sees it. */
  op: CausalOp;
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
  /** The same operation as happens-before sees it. */
  op: CausalOp;
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
    u = {
      own: [],
      seen: [],
      causal: [],
      context: [],
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
  if (!isNewer(user[part], key, invokeIndex)) return;
  const dependency: Dependency = { invokeIndex, write, read, via };
  user[part][key] = dependency;
  if (!isNewer(user.context, key, invokeIndex)) return;
  if (user.contextShared) {
    user.context = user.context.slice();
    user.contextShared = false;
  }
  user.context[key] = dependency;
}

/** The user's whole context, to keep as a write's causal past (shared until the user changes it). */
export function shareContext(user: UserState): Context {
  user.contextShared = true;
  return user.context;
}
