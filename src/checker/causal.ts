/**
 * Monotonic writes, writes-follow-reads and causal consistency, judged for each read the moment
 * it completes, against what its process depended on when it began (so feeding the history in
 * pieces finds exactly what checking it whole finds).
 *
 * For a read R of key k by process O that returned the value of write S (or nothing):
 * - monotonic writes: O had read a write W2 of another user's process p, p had written W1 to k
 *   before W2, and S is older than W1;
 * - writes-follow-reads: O had read a write W2 of another user's process p, and before writing
 *   W2, p had read W1 on k (written by someone else), and S is older than W1;
 * - causal: some write C to k happens before R (session order and reads-from, through any
 *   chain) and certainly took effect before R began, and S happens before C, or R returned
 *   nothing.
 *
 * "Older" in the two session guarantees is the checker's usual real-time order (S acknowledged
 * before W1 was invoked, or nothing), as for read-your-writes and monotonic reads. Causal
 * consistency is judged by happens-before alone: it never orders writes its chain does not.
 */
import type { HistoryOp } from '../engine/types';
import {
  type CausalOp,
  type CausalProcess,
  type CausalState,
  chainOf,
  clockOf,
  happensBefore,
  lastTookEffectUpTo,
  lastUpTo,
  mergeWrite,
  processOf,
  proofBefore,
} from './causalState';
import * as explain from './explainCausal';
import type { Finding } from './types';

/** Nothing was read: the key's initial state. */
export const NOTHING = 'nothing' as const;

/** Start an operation in its process's session; its completion goes to `causalComplete`. */
export function causalInvoke(state: CausalState, entry: HistoryOp): CausalOp {
  const p = processOf(state, entry.process);
  const seq = p.ops.length + 1;
  const op: CausalOp = {
    opId: entry.opId,
    process: p.index,
    processId: entry.process,
    f: entry.f,
    key: entry.key,
    value: entry.value,
    seq,
    vc: p.vc,
    status: 'invoke',
    invokeIndex: entry.index,
    invokedAt: entry.time,
    okIndex: -1,
    readFrom: null,
    readers: null,
  };
  p.ops.push(op);
  if (op.f === 'write') {
    listAt(p.writes, op.key).push(op);
    state.lastWriteInvoke.set(op.key, op.invokeIndex);
  }
  return op;
}

function listAt(map: Map<string, CausalOp[]>, key: string): CausalOp[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}

export function causalComplete(op: CausalOp, entry: HistoryOp): void {
  op.status = entry.type;
  if (entry.type === 'ok') {
    op.okIndex = entry.index;
  }
  if (op.f === 'read') op.value = entry.value;
}

/**
 * Judge a completed read against its process's causal past (findings go to `out`), then let
 * the process depend on what it read. `source` is the write whose value it returned, `NOTHING`,
 * or undefined when that cannot be told (then the read is not judged and adds nothing).
 */
export function causalRead(
  state: CausalState,
  read: CausalOp,
  source: CausalOp | typeof NOTHING | undefined,
  node: string | undefined,
  out: Finding[],
): void {
  if (source === undefined) return;
  // Every finding needs a write to the key invoked after the value's own write: most reads of
  // a live run return the newest value, and are done at once.
  const lastWrite = state.lastWriteInvoke.get(read.key) ?? -1;
  const newest = source === NOTHING ? lastWrite < 0 : lastWrite <= source.invokeIndex;
  if (!newest) {
    sessionOrderFindings(state, read, source, node, out);
    causal(state, read, source, node, out);
  }
  if (source !== NOTHING) dependOn(state, read, source);
}

function dependOn(state: CausalState, read: CausalOp, write: CausalOp): void {
  const p = state.byIndex[read.process] as CausalProcess;
  if (write.status !== 'ok') write.readers = [...(write.readers ?? []), read];
  read.readFrom = write;
  read.vc = mergeWrite(read.vc, read.process, write);
  // One operation at a time: the read began from the process's latest clock.
  p.vc = read.vc;
  listAt(p.reads, read.key).push(read);
  const newest = p.newestRead[write.process];
  if (newest === undefined || newest.write.seq < write.seq)
    p.newestRead[write.process] = { write, read };
}

/** S is older than W in real time: acknowledged before W was invoked, or nothing at all. */
function olderThan(source: CausalOp | typeof NOTHING, write: CausalOp): boolean {
  if (source === NOTHING) return true;
  return source !== write && source.status === 'ok' && source.okIndex < write.invokeIndex;
}

/**
 * Monotonic writes and writes-follow-reads: for each process of another user whose write W2
 * this read's process had read, what that process had written or read on this key before W2.
 */
function sessionOrderFindings(
  state: CausalState,
  read: CausalOp,
  source: CausalOp | typeof NOTHING,
  node: string | undefined,
  findings: Finding[],
): void {
  // Only an acknowledged value (or nothing) is older than anything.
  if (source !== NOTHING && source.status !== 'ok') return;
  const reader = state.byIndex[read.process] as CausalProcess;
  let mw = false;
  let wfr = false;
  for (const seen of reader.newestRead) {
    if (mw && wfr) return;
    if (seen === undefined) continue;
    const { write: later, read: saw } = seen;
    // W1 (written, or read, by p before W2) was invoked before W2: if the value read was
    // acknowledged after that, it is older than neither. Most processes are passed here.
    if (source !== NOTHING && source.okIndex > later.invokeIndex) continue;
    const writer = state.byIndex[later.process] as CausalProcess;
    if (saw.seq >= read.seq || writer.user === reader.user) continue;
    const earlier = mw
      ? null
      : lastTookEffectUpTo(writer.writes.get(read.key), later.seq - 1, later, null);
    if (earlier !== null && olderThan(source, earlier)) {
      mw = true;
      findings.push({
        kind: 'monotonic-writes',
        ops: [earlier.opId, later.opId, saw.opId, read.opId],
        explanation: explain.monotonicWrites(read, source, node, earlier, later, saw),
      });
    }
    const before = wfr ? null : lastUpTo(writer.reads.get(read.key), later.seq - 1);
    const followed = before === null ? null : before.readFrom;
    if (before === null || followed === null || followed.process === later.process) continue;
    if (!olderThan(source, followed)) continue;
    wfr = true;
    findings.push({
      kind: 'writes-follow-reads',
      ops: [followed.opId, before.opId, later.opId, saw.opId, read.opId],
      explanation: explain.writesFollowReads(read, source, node, followed, before, later, saw),
    });
  }
}

/**
 * The newest write to the read's key, per process, that happens before the read and certainly
 * took effect; the read must not return anything such a write overwrote. The read's own
 * process first, so the shortest chain is named.
 */
function causal(
  state: CausalState,
  read: CausalOp,
  source: CausalOp | typeof NOTHING,
  node: string | undefined,
  out: Finding[],
): void {
  // A finding needs the value's write to happen before a cause that happens before the read,
  // so before the read itself: a value from outside the read's past (as a lagging replica's
  // often is) is passed at once.
  if (source !== NOTHING && !(source.status === 'ok' && happensBefore(source, read))) return;
  for (let i = -1; i < state.byIndex.length; i++) {
    if (i === read.process) continue;
    const q = i < 0 ? read.process : i;
    const upTo = clockOf(read, q) - (q === read.process ? 1 : 0);
    if (upTo <= 0) continue;
    const writes = state.byIndex[q]?.writes.get(read.key);
    const except = source === NOTHING ? null : source;
    const cause = lastTookEffectUpTo(writes, upTo, read, except);
    if (cause === null) continue;
    if (source !== NOTHING && !(source.status === 'ok' && happensBefore(source, cause))) continue;
    // An unacknowledged cause reaches the read through a read that returned it.
    const proof = cause.status === 'ok' ? undefined : proofBefore(cause, read);
    const chain =
      proof === undefined ? chainOf(state, cause, read) : [cause, ...chainOf(state, proof, read)];
    const ops = [...(source === NOTHING ? [] : [source.opId]), ...chain.map((o) => o.opId)];
    out.push({ kind: 'causal', ops, explanation: explain.causal(read, source, node, chain) });
    return;
  }
}
