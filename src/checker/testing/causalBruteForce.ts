/**
 * Monotonic writes, writes-follow-reads and causal consistency decided the slow, obvious way,
 * to check the checker against: straight from their definitions (docs/checker.md), with no
 * vector clocks, no per-process summaries and no early exits; happens-before by searching the
 * graph of session order and reads-from. Only for histories of a few dozen operations.
 */
import type { HistoryOp } from '../../engine/types';

interface Op {
  opId: number;
  process: string;
  user: string;
  f: 'read' | 'write';
  key: string;
  invokeIndex: number;
  /** The completion, if any. */
  done: HistoryOp | undefined;
  /** Its operations before it in its process. */
  previous: Op[];
  /** A read: the write it returned, or 'nothing'; undefined when that cannot be told. */
  source: Op | 'nothing' | undefined;
}

export interface SessionOrderFinding {
  kind: 'monotonic-writes' | 'writes-follow-reads';
  ops: number[];
}

const user = (process: string) => process.split('@')[0] as string;

function operations(history: readonly HistoryOp[]): Op[] {
  const done = new Map(history.filter((h) => h.type !== 'invoke').map((h) => [h.opId, h]));
  const ops: Op[] = [];
  for (const h of history) {
    if (h.type !== 'invoke') continue;
    const previous = ops.filter((o) => o.process === h.process);
    const { opId, process, f, key, index } = h;
    const op = { opId, process, user: user(process), f, key, invokeIndex: index, previous };
    ops.push({ ...op, done: done.get(opId), source: undefined });
  }
  for (const read of ops) if (read.f === 'read') read.source = sourceOf(history, ops, read);
  return ops;
}

/** Its status when the history had reached `index`. */
function statusAt(op: Op, index: number): HistoryOp['type'] {
  return op.done !== undefined && op.done.index <= index ? op.done.type : 'invoke';
}

/** The one write whose value an ok read returned, judged when the read completed. */
function sourceOf(history: readonly HistoryOp[], ops: Op[], read: Op): Op | 'nothing' | undefined {
  const done = read.done;
  if (done?.type !== 'ok') return undefined;
  const writesOfKey = history.filter(
    (h) => h.type === 'invoke' && h.f === 'write' && h.key === read.key && h.index < done.index,
  );
  const writers = writesOfKey.filter((h) => h.value === done.value);
  if (done.value === null) {
    return writesOfKey.some((h) => h.value === null) ? undefined : 'nothing';
  }
  if (writers.length !== 1) return undefined;
  const write = ops.find((o) => o.opId === (writers[0] as HistoryOp).opId) as Op;
  return statusAt(write, done.index) === 'fail' ? undefined : write;
}

/** Does `a` happen before `b`: a path of session order and reads-from from a to b? */
function happensBefore(a: Op, b: Op): boolean {
  return a !== b && (b.source === a || inPastOf(a, b));
}

/** Does `a` happen before what `b` depended on when it began (b's own read left out)? */
function inPastOf(a: Op, b: Op): boolean {
  const pending = [...b.previous];
  const visited = new Set<Op>();
  while (pending.length > 0) {
    const op = pending.pop() as Op;
    if (op === a) return true;
    if (visited.has(op)) continue;
    visited.add(op);
    pending.push(...op.previous);
    if (op.source !== undefined && op.source !== 'nothing') pending.push(op.source);
  }
  return false;
}

/**
 * Certainly took effect before `op` began: acknowledged by then, or a read of it happens
 * before `op`.
 */
function tookEffectBefore(write: Op, op: Op, ops: Op[]): boolean {
  const at = op.done?.index ?? op.invokeIndex;
  if (statusAt(write, at) === 'ok') return true;
  return ops.some((r) => r.source === write && r !== op && inPastOf(r, op));
}

/** The value's write was acknowledged before `write` was invoked (or the value is nothing). */
function olderThan(source: Op | 'nothing', write: Op, judgedAt: number): boolean {
  if (source === 'nothing') return true;
  const ok = source.done?.type === 'ok' && statusAt(source, judgedAt) === 'ok';
  return source !== write && ok && (source.done as HistoryOp).index < write.invokeIndex;
}

/** Every monotonic-writes and writes-follow-reads finding of the history. */
export function bruteSessionOrder(history: readonly HistoryOp[]): SessionOrderFinding[] {
  const ops = operations(history);
  const processes = [...new Set(ops.map((o) => o.process))];
  const findings: SessionOrderFinding[] = [];
  const reads = ops.filter((o) => o.source !== undefined);
  reads.sort((a, b) => (a.done as HistoryOp).index - (b.done as HistoryOp).index);
  for (const read of reads) {
    const source = read.source as Op | 'nothing';
    const at = (read.done as HistoryOp).index;
    let mw = false;
    let wfr = false;
    for (const p of processes) {
      if (user(p) === read.user) continue;
      // The newest write of p the reader's session had read, and the first read that showed it.
      const shown = read.previous.filter((r) => r.source !== undefined && r.source !== 'nothing');
      const ofP = shown.filter((r) => (r.source as Op).process === p);
      if (ofP.length === 0) continue;
      const newest = Math.max(...ofP.map((r) => (r.source as Op).invokeIndex));
      const saw = ofP.find((r) => (r.source as Op).invokeIndex === newest) as Op;
      const later = saw.source as Op;
      const earlierOfP = later.previous.filter((o) => o.key === read.key);
      const w1 = earlierOfP.filter((o) => o.f === 'write' && tookEffectBefore(o, later, ops)).pop();
      if (!mw && w1 !== undefined && olderThan(source, w1, at)) {
        mw = true;
        findings.push({
          kind: 'monotonic-writes',
          ops: [w1.opId, later.opId, saw.opId, read.opId],
        });
      }
      const before = earlierOfP
        .filter((o) => o.f === 'read' && o.source !== undefined && o.source !== 'nothing')
        .pop();
      const followed = before?.source as Op | undefined;
      if (wfr || before === undefined || followed === undefined || followed.process === p) continue;
      if (!olderThan(source, followed, at)) continue;
      wfr = true;
      findings.push({
        kind: 'writes-follow-reads',
        ops: [followed.opId, before.opId, later.opId, saw.opId, read.opId],
      });
    }
  }
  return findings;
}

/**
 * The reads that break causal consistency: some write C to the read's key certainly took
 * effect and happens before the read, and the value's write happens before C (or the read got
 * nothing). Their opIds, in history order.
 */
export function bruteCausalReads(history: readonly HistoryOp[]): number[] {
  const ops = operations(history);
  const broken: number[] = [];
  for (const read of ops) {
    const source = read.source;
    if (source === undefined) continue;
    const at = (read.done as HistoryOp).index;
    const overwrote = (c: Op) =>
      source === 'nothing' || (statusAt(source, at) === 'ok' && happensBefore(source, c));
    const causes = ops.filter(
      (c) => c.f === 'write' && c.key === read.key && c !== source && inPastOf(c, read),
    );
    if (causes.some((c) => tookEffectBefore(c, read, ops) && overwrote(c))) broken.push(read.opId);
  }
  return broken;
}
