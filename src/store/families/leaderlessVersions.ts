/**
 * The happens-before relation between the writes of one key, from the trace's `write` events
 * (each names the write's dot and the version its client had read, its causal context). A write
 * happened after another exactly when its context covers the other's dot; writes neither of
 * which covers the other are concurrent. Each write is listed with its direct predecessors
 * (the transitive reduction, as the chapter's figures draw it), the writes concurrent with it,
 * and whether it is still a sibling in the cluster's merged copy, or was discarded by
 * last-write-wins.
 */
import { historyOps } from '../../engine/historyLog';
import { protocolEntries } from '../../engine/traceLog';
import type { HistoryOp, SimTimeMs, Value } from '../../engine/types';
import {
  type LeaderlessSim,
  lwwDiscardedWrites,
  mergedCopy,
} from '../../protocols/leaderless/outcome';
import {
  covers,
  type Dot,
  dotLabel,
  type VersionVector,
} from '../../protocols/leaderless/versionVector';

export interface VersionNode {
  /** The write's dot, e.g. `n1:3`: the coordinator that stamped it and its counter. */
  dot: string;
  opId: number;
  client: string;
  /** What the client asked to write (for a set, the item added or `-item` removed). */
  wrote: Value;
  at: SimTimeMs;
  /** Writes it overwrote directly: their dots. */
  after: string[];
  /** Writes concurrent with it: their dots. */
  concurrentWith: string[];
  /** The stored value when it is still a sibling of the merged copy; undefined otherwise. */
  sibling?: Value;
  /** Last-write-wins threw it away in favour of this dot. */
  discardedFor?: string;
}

export interface VersionGraph {
  key: string;
  writes: VersionNode[];
}

interface AppliedWrite {
  dot: Dot;
  label: string;
  opId: number;
  context: VersionVector;
  at: SimTimeMs;
}

function parseDot(label: string): Dot {
  const at = label.lastIndexOf(':');
  return { node: label.slice(0, at), counter: Number(label.slice(at + 1)) };
}

function appliedWrites(sim: LeaderlessSim, key: string): AppliedWrite[] {
  const out: AppliedWrite[] = [];
  for (const t of protocolEntries(sim.logs.trace, 'write')) {
    const d = t.detail as { key: string; dot: string; opId: number; context: VersionVector };
    if (d.key !== key) continue;
    out.push({ dot: parseDot(d.dot), label: d.dot, opId: d.opId, context: d.context, at: t.t });
  }
  return out;
}

const happenedBefore = (a: AppliedWrite, b: AppliedWrite) => covers(b.context, a.dot);

/** The writes of `key` so far, in the order their coordinators applied them. */
export function versionGraph(sim: LeaderlessSim, key: string): VersionGraph {
  const writes = appliedWrites(sim, key);
  const invokes = new Map<number, HistoryOp>();
  for (const h of historyOps(sim.logs.history))
    if (h.type === 'invoke' && h.key === key) invokes.set(h.opId, h);
  const siblings = new Map(mergedCopy(sim, key).siblings.map((s) => [dotLabel(s.dot), s.value]));
  const discarded = new Map(lwwDiscardedWrites(sim).map((d) => [d.loserOp, d.winnerOp] as const));
  const dotOfOp = new Map(writes.map((w) => [w.opId, w.label]));
  return {
    key,
    writes: writes.map((w) => {
      const before = writes.filter((u) => u !== w && happenedBefore(u, w));
      const direct = before.filter((u) => !before.some((p) => p !== u && happenedBefore(u, p)));
      const node: VersionNode = {
        dot: w.label,
        opId: w.opId,
        client: invokes.get(w.opId)?.process ?? '',
        wrote: invokes.get(w.opId)?.value ?? null,
        at: w.at,
        after: direct.map((u) => u.label),
        concurrentWith: writes
          .filter((u) => u !== w && !happenedBefore(u, w) && !happenedBefore(w, u))
          .map((u) => u.label),
      };
      if (siblings.has(w.label)) node.sibling = siblings.get(w.label) ?? null;
      const winner = discarded.get(w.opId);
      if (winner !== undefined) node.discardedFor = dotOfOp.get(winner) ?? '?';
      return node;
    }),
  };
}
