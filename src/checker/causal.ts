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
 * - causal: some write C to k that certainly took effect happens before R (session order and
 *   reads-from, through any chain), and S happens before C, or R returned nothing.
 *
 * "Older" in the two session guarantees is the checker's usual real-time order (S acknowledged
 * before W1 was invoked, or nothing), as for read-your-writes and monotonic reads. Causal
 * consistency is judged by happens-before alone: it never orders writes its chain does not.
 */
import type { HistoryOp } from '../engine/types';
import {
  type CausalOp,
  type CausalState,
  chainOf,
  clockAt,
  happensBefore,
  lastUpTo,
  mergeClocks,
  processOf,
  tookEffect,
} from './causalState';
import * as explain from './explainCausal';
import { userOf } from './state';
import type { Finding } from './types';

/** Nothing was read: the key's initial state. */
export const NOTHING = 'nothing' as const;

export function causalInvoke(state: CausalState, entry: HistoryOp): void {
  const p = processOf(state, entry.process);
  const seq = p.ops.length + 1;
  const vc = new Int32Array(Math.max(p.vc.length, p.index + 1));
  vc.set(p.vc);
  vc[p.index] = seq;
  p.vc = vc;
  const op: CausalOp = {
    opId: entry.opId,
    process: p.index,
    processId: entry.process,
    f: entry.f,
    key: entry.key,
    value: entry.value,
    seq,
    pos: p.ops.length,
    vc,
    status: 'invoke',
    invokeIndex: entry.index,
    invokedAt: entry.time,
    okIndex: Number.POSITIVE_INFINITY,
    okAt: Number.POSITIVE_INFINITY,
    readFrom: null,
    observed: false,
  };
  p.ops.push(op);
  state.ops.set(op.opId, op);
  if (op.f === 'write') listAt(p.writes, op.key).push(op);
}

function listAt(map: Map<string, CausalOp[]>, key: string): CausalOp[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}

export function causalComplete(state: CausalState, entry: HistoryOp): CausalOp | undefined {
  const op = state.ops.get(entry.opId);
  if (op === undefined) return undefined;
  op.status = entry.type;
  if (entry.type === 'ok') {
    op.okIndex = entry.index;
    op.okAt = entry.time;
  }
  if (op.f === 'read') op.value = entry.value;
  return op;
}

/**
 * Judge a completed read against its process's causal past, then let the process depend on
 * what it read. `source` is the write whose value it returned, `NOTHING`, or undefined when
 * that cannot be told (then the read is not judged and adds nothing).
 */
export function causalRead(
  state: CausalState,
  read: CausalOp,
  source: CausalOp | typeof NOTHING | undefined,
  node: string | undefined,
): Finding[] {
  if (source === undefined) return [];
  const findings = [
    ...monotonicWrites(state, read, source, node),
    ...writesFollowReads(state, read, source, node),
    ...causal(state, read, source, node),
  ];
  if (source !== NOTHING) dependOn(state, read, source);
  return findings;
}

function dependOn(state: CausalState, read: CausalOp, write: CausalOp): void {
  const p = processOf(state, read.processId);
  write.observed = true;
  read.readFrom = write;
  read.vc = mergeClocks(read.vc, write.vc);
  p.vc = mergeClocks(p.vc, read.vc);
  listAt(p.reads, read.key).push(read);
  const newest = p.newestRead.get(write.process);
  if (newest === undefined || newest.write.seq < write.seq)
    p.newestRead.set(write.process, { write, read });
}

/** S is older than W in real time: acknowledged before W was invoked, or nothing at all. */
function olderThan(source: CausalOp | typeof NOTHING, write: CausalOp): boolean {
  if (source === NOTHING) return true;
  return source !== write && source.status === 'ok' && source.okIndex < write.invokeIndex;
}

/** Processes of other users whose writes this read's process had read before it began. */
function othersRead(state: CausalState, read: CausalOp) {
  const p = processOf(state, read.processId);
  const user = userOf(read.processId);
  return [...p.newestRead.values()].filter(
    ({ write, read: seen }) => seen.seq < read.seq && userOf(write.processId) !== user,
  );
}

function monotonicWrites(
  state: CausalState,
  read: CausalOp,
  source: CausalOp | typeof NOTHING,
  node: string | undefined,
): Finding[] {
  for (const { write: later, read: saw } of othersRead(state, read)) {
    const writer = state.byIndex[later.process];
    const earlier = lastUpTo(writer?.writes.get(read.key), later.seq - 1, tookEffect);
    if (earlier === null || !olderThan(source, earlier)) continue;
    return [
      {
        kind: 'monotonic-writes',
        ops: [earlier.opId, later.opId, saw.opId, read.opId],
        explanation: explain.monotonicWrites(read, source, node, earlier, later, saw),
      },
    ];
  }
  return [];
}

function writesFollowReads(
  state: CausalState,
  read: CausalOp,
  source: CausalOp | typeof NOTHING,
  node: string | undefined,
): Finding[] {
  for (const { write: later, read: saw } of othersRead(state, read)) {
    const writer = state.byIndex[later.process];
    const before = lastUpTo(writer?.reads.get(read.key), later.seq - 1, () => true);
    const earlier = before === null ? null : before.readFrom;
    if (before === null || earlier === null || earlier.process === later.process) continue;
    if (!olderThan(source, earlier)) continue;
    return [
      {
        kind: 'writes-follow-reads',
        ops: [earlier.opId, before.opId, later.opId, saw.opId, read.opId],
        explanation: explain.writesFollowReads(read, source, node, earlier, before, later, saw),
      },
    ];
  }
  return [];
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
): Finding[] {
  const order = [read.process, ...state.byIndex.map((p) => p.index)];
  for (const q of order) {
    const upTo = clockAt(read.vc, q) - (q === read.process ? 1 : 0);
    if (upTo <= 0) continue;
    const writes = state.byIndex[q]?.writes.get(read.key);
    const cause = lastUpTo(writes, upTo, (w) => w !== source && tookEffect(w));
    if (cause === null) continue;
    if (source !== NOTHING && !(source.status === 'ok' && happensBefore(source, cause))) continue;
    const chain = chainOf(state, cause, read);
    const ops = [...(source === NOTHING ? [] : [source.opId]), ...chain.map((o) => o.opId)];
    return [
      {
        kind: 'causal',
        ops,
        explanation: explain.causal(read, source, node, chain),
      },
    ];
  }
  return [];
}
