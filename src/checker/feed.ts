/**
 * Feeding history entries to the checker, one at a time, in history order. Each completed read
 * is judged the moment it completes, against what its user depended on when it began; writes
 * are remembered so that later reads can be judged.
 *
 * What keeps it from false alarms:
 * - a value is "older" than a write only if the value's write was acknowledged before that
 *   write was invoked (or the value is the initial "nothing"); concurrent writes are never
 *   ordered;
 * - failed writes did not happen; an indeterminate (`info`) write has no known completion, so a
 *   value it wrote is never called older than anything;
 * - a value written by more than one write (or `null` once any write wrote null) cannot be
 *   traced to one write, and reads of it are not judged.
 */
import type { HistoryOp, Value } from '../engine/types';
import { causalComplete, causalInvoke, causalRead, NOTHING } from './causal';
import { type CausalOp, userOfOp } from './causalState';
import * as explain from './explain';
import {
  type CheckerState,
  depend,
  keyState,
  type ReadRecord,
  shareContext,
  userState,
  type WriteRecord,
} from './state';
import type { AnomalyKind } from './types';

/** The initial state of every key: never written. */
const INITIAL = 'initial' as const;

/** The write a read's value came from: the initial state, one write, or unknown (undefined). */
type Source = WriteRecord | typeof INITIAL | undefined;

function sourceOf(state: CheckerState, key: string, value: Value): Source {
  const byValue = state.keys.get(key)?.byValue;
  const found = byValue?.get(value);
  if (value === null && found === undefined) return INITIAL;
  // A failed write did not happen: a read showing its value is beyond these checks.
  if (found === null || found === undefined || found.status === 'fail') return undefined;
  return found;
}

/** Was the value's write certainly in effect before `dep` was written, and so overwritten by it? */
function olderThan(source: WriteRecord | typeof INITIAL, dep: WriteRecord): boolean {
  return source === INITIAL || source.okIndex < dep.invokeIndex;
}

export function feedEntry(state: CheckerState, entry: HistoryOp): void {
  if (entry.type === 'invoke') {
    const op = causalInvoke(state.causal, entry);
    if (entry.f === 'write') invokeWrite(state, entry, op);
    else invokeRead(state, entry, op);
  } else if (entry.f === 'write') {
    completeWrite(state, entry);
  } else {
    const read = state.reads.get(entry.opId);
    if (read === undefined) return;
    state.reads.delete(entry.opId);
    causalComplete(read.op, entry);
    if (entry.type === 'ok') completeRead(state, read, entry);
  }
}

function invokeWrite(state: CheckerState, entry: HistoryOp, op: CausalOp): void {
  const user = userOfOp(state.causal, op);
  const key = keyState(state, entry.key);
  const write: WriteRecord = {
    opId: entry.opId,
    process: entry.process,
    user,
    key: entry.key,
    value: entry.value,
    invokeIndex: entry.index,
    invokedAt: entry.time,
    status: 'invoke',
    okIndex: Number.POSITIVE_INFINITY,
    okAt: Number.POSITIVE_INFINITY,
    ackSlot: -1,
    deps: shareContext(userState(state, user)),
    keyNo: key.no,
    op,
  };
  state.writes.set(write.opId, write);
  const byValue = key.byValue;
  // A second write of the same value (or any write of null, the initial value) is ambiguous.
  byValue.set(entry.value, byValue.has(entry.value) || entry.value === null ? null : write);
}

function completeWrite(state: CheckerState, entry: HistoryOp): void {
  const write = state.writes.get(entry.opId);
  if (write === undefined) return;
  state.writes.delete(entry.opId);
  causalComplete(write.op, entry);
  write.status = entry.type;
  if (entry.type !== 'ok') return;
  write.okIndex = entry.index;
  write.okAt = entry.time;
  const acked = keyState(state, write.key).acked;
  write.ackSlot = acked.length;
  acked.push(write);
  const user = userState(state, write.user);
  depend(user, user.own, write);
}

function invokeRead(state: CheckerState, entry: HistoryOp, op: CausalOp): void {
  const user = userOfOp(state.causal, op);
  const u = userState(state, user);
  const keyNo = keyState(state, entry.key).no;
  state.reads.set(entry.opId, {
    opId: entry.opId,
    process: entry.process,
    user,
    key: entry.key,
    keyNo,
    invokeIndex: entry.index,
    invokedAt: entry.time,
    ownWrite: u.own[keyNo],
    seen: u.seen[keyNo],
    seenBy: u.seenBy[keyNo] ?? -1,
    causal: u.causal[keyNo],
    causalBy: u.causalBy[keyNo] ?? -1,
    causalVia: u.causalVia[keyNo],
    op,
  });
}

function completeRead(state: CheckerState, read: ReadRecord, entry: HistoryOp): void {
  const source = sourceOf(state, read.key, entry.value);
  if (source === undefined) return;
  judgeRead(state, read, entry, source);
  const from = source === INITIAL ? NOTHING : source.op;
  causalRead(state.causal, read.op, from, entry.node, state.findings);
  if (source !== INITIAL) observe(state, read, source);
}

function report(
  state: CheckerState,
  kind: AnomalyKind,
  ops: number[],
  explanation: string,
  stalenessMs?: number,
): void {
  state.findings.push(
    stalenessMs === undefined
      ? { kind, ops, explanation }
      : { kind, ops, explanation, stalenessMs },
  );
}

function judgeRead(
  state: CheckerState,
  read: ReadRecord,
  entry: HistoryOp,
  source: WriteRecord | typeof INITIAL,
): void {
  const { value, node } = entry;
  if (read.ownWrite !== undefined && olderThan(source, read.ownWrite)) {
    const w = read.ownWrite;
    report(
      state,
      'read-your-writes',
      [w.opId, read.opId],
      explain.readYourWrites(read, value, node, w),
    );
  }
  if (read.seen !== undefined && olderThan(source, read.seen)) {
    const w = read.seen;
    const earlier = read.seenBy;
    report(
      state,
      'monotonic-reads',
      [earlier, read.opId],
      explain.monotonicReads(read, value, node, earlier, w),
    );
  }
  if (read.causal !== undefined && olderThan(source, read.causal)) {
    const cause = read.causal;
    const effect = read.causalVia as WriteRecord;
    const effectRead = read.causalBy;
    report(
      state,
      'consistent-prefix',
      [cause.opId, effect.opId, effectRead, read.opId],
      explain.consistentPrefix(read, value, node, cause, effect, effectRead),
    );
  }
  judgeStaleness(state, read, entry, source);
}

/**
 * How long the value read had been superseded when the read began: the time since the first
 * acknowledgement of a write certainly newer than it (invoked after the value's write was
 * acknowledged), among writes acknowledged before the read began.
 */
function judgeStaleness(
  state: CheckerState,
  read: ReadRecord,
  entry: HistoryOp,
  source: WriteRecord | typeof INITIAL,
): void {
  if (source !== INITIAL && source.status !== 'ok') return;
  const acked = keyState(state, read.key).acked;
  const after = source === INITIAL ? -1 : source.okIndex;
  // Writes acknowledged between the value's write and the first newer one overlapped it: few.
  for (let i = source === INITIAL ? 0 : source.ackSlot + 1; i < acked.length; i++) {
    const w = acked[i] as WriteRecord;
    if (w.okIndex > read.invokeIndex) return;
    if (w.invokeIndex <= after) continue;
    const stalenessMs = read.invokedAt - w.okAt;
    if (stalenessMs > state.options.staleReadBoundMs) {
      report(
        state,
        'stale-read',
        [w.opId, read.opId],
        explain.staleRead(read, entry.value, entry.node, w, stalenessMs),
        stalenessMs,
      );
    }
    return;
  }
}

/** The user has now seen `write`: later reads must not go behind it, or behind its causes. */
function observe(state: CheckerState, read: ReadRecord, write: WriteRecord): void {
  const user = userState(state, read.user);
  if (depend(user, user.seen, write)) user.seenBy[read.keyNo] = read.opId;
  // Writes share their writer's context until it changes: merge each one once.
  const deps = write.deps;
  if (user.lastMerged === deps && user.lastMergedKey === read.keyNo) return;
  user.lastMerged = deps;
  user.lastMergedKey = read.keyNo;
  // Causes on the same key are covered by monotonic reads: a value older than a cause is
  // older than the write seen.
  for (let key = 0; key < deps.length; key++) {
    const cause = deps[key];
    if (key === read.keyNo || cause === undefined) continue;
    if (!depend(user, user.causal, cause)) continue;
    user.causalBy[key] = read.opId;
    user.causalVia[key] = write;
  }
}
