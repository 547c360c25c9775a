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
 * Key number → the newest write depended on for that key (newest = invoked last), or nothing.
 * It holds the write records themselves: keeping one per write (as its causal past) copies a
 * pointer per key, and depending on a write builds nothing.
 */
export type Context = Array<WriteRecord | undefined>;

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
  ownWrite: WriteRecord | undefined;
  /** The newest write the user had read on this key when the read began, and that read. */
  seen: WriteRecord | undefined;
  seenBy: number;
  /**
   * The newest write on this key that writes the user had seen depend on; the read that
   * showed the user such a write, and that write (on another key).
   */
  causal: WriteRecord | undefined;
  causalBy: number;
  causalVia: WriteRecord | undefined;
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
  /** Writes the user's completed reads returned; per key, the read that returned it. */
  seen: Context;
  seenBy: number[];
  /**
   * Writes that the writes the user has seen (on other keys) depend on; per key, the read
   * through which the user came to depend on it, and the write that read returned.
   */
  causal: Context;
  causalBy: number[];
  causalVia: Context;
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
  /** Writes invoked and not yet completed. */
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
      seenBy: [],
      causal: [],
      causalBy: [],
      causalVia: [],
      context: [],
      contextShared: false,
      lastMerged: null,
      lastMergedKey: -1,
    };
    state.users.set(user, u);
  }
  return u;
}

/**
 * Record that the user depends on `write` (for its key) in one part of their state, and in
 * their whole context; false when that part already held it or a newer write of that key.
 */
export function depend(user: UserState, part: Context, write: WriteRecord): boolean {
  const key = write.keyNo;
  if (!isNewer(part, key, write.invokeIndex)) return false;
  part[key] = write;
  if (isNewer(user.context, key, write.invokeIndex)) {
    if (user.contextShared) {
      user.context = user.context.slice();
      user.contextShared = false;
    }
    user.context[key] = write;
  }
  return true;
}

/** The user's whole context, to keep as a write's causal past (shared until the user changes it). */
export function shareContext(user: UserState): Context {
  user.contextShared = true;
  return user.context;
}
