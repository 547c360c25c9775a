/**
 * What a finished (or paused) leaderless run amounts to: each replica's copies with their
 * versions and siblings, the writes last-write-wins discarded, the reads that missed an
 * acknowledged write, the repairs (read repair, anti-entropy, hinted handoff), and whether the
 * home replicas of every key hold the same copy. Read only from the simulation's state, trace and
 * history.
 */

import { nodeRuntime } from '../../engine/endpoints';
import { historyOps } from '../../engine/historyLog';
import type { Simulation } from '../../engine/simulation';
import { protocolEntries } from '../../engine/traceLog';
import type { HistoryOp, NodeId, SimTimeMs, Value } from '../../engine/types';
import type { LeaderlessClient } from './client';
import type { LeaderlessConfig } from './config';
import { parseJsonOr } from './json';
import { buildRing, placement } from './ring';
import { decodeSiblings, encodeSiblings } from './siblingValues';
import type { LeaderlessNode } from './state';
import type { DiscardDetail } from './storage';
import { EMPTY_OBJECT, mergeObjects, sameObject, type Versioned } from './versioned';
import { covers, type Dot, dotLabel, leq, type VersionVector, vectorLabel } from './versionVector';

export type LeaderlessSim = Simulation<LeaderlessConfig, LeaderlessNode, LeaderlessClient>;

export interface CopyView {
  /** What a read of this copy alone would return. */
  value: Value;
  version: string;
  siblings: { value: Value; dot: string; ts: number; opId: number; client: string }[];
  /** Is this node one of the key's n home replicas (or a stand-in / coordinator copy)? */
  home: boolean;
}

export interface LeaderlessReplicaView {
  up: boolean;
  data: Record<string, CopyView>;
  hints: { home: NodeId; key: string }[];
}

export interface LwwDiscardedWrite extends DiscardDetail {
  /** First time a replica dropped it, and where. */
  at: SimTimeMs;
  node: NodeId;
  acknowledged: boolean;
  /** The loser was invoked after the winner: a skewed clock, not real time, chose. */
  invokedAfterWinner: boolean;
}

export interface LeaderlessOutcome {
  replicas: Record<NodeId, LeaderlessReplicaView>;
  preferenceLists: Record<string, { home: NodeId[]; spares: NodeId[] }>;
  lwwDiscarded: LwwDiscardedWrite[];
  metrics: Record<string, number | boolean>;
}

function parseDot(label: unknown): Dot | null {
  if (typeof label !== 'string') return null;
  const at = label.lastIndexOf(':');
  if (at <= 0) return null;
  return { node: label.slice(0, at), counter: Number(label.slice(at + 1)) };
}

function protocolEvents(sim: LeaderlessSim, name: string) {
  return protocolEntries(sim.logs.trace, name);
}

function homeOf(sim: LeaderlessSim, key: string) {
  const { vnodes, n } = sim.config.protocol;
  return placement(buildRing(sim.core.nodeIds, vnodes), key, n);
}

function allKeys(sim: LeaderlessSim): string[] {
  const keys = new Set<string>();
  for (const id of sim.core.nodeIds)
    for (const k of Object.keys(nodeRuntime(sim, id)?.state.data ?? {})) keys.add(k);
  return [...keys].sort();
}

/** Every copy of the key merged: what the cluster as a whole knows about it. */
export function mergedCopy(sim: LeaderlessSim, key: string): Versioned {
  let merged = EMPTY_OBJECT;
  for (const id of sim.core.nodeIds) {
    const copy = nodeRuntime(sim, id)?.state.data[key];
    if (copy !== undefined) merged = mergeObjects(merged, copy, sim.config.protocol.conflicts).obj;
  }
  return merged;
}

function copyView(obj: Versioned, home: boolean): CopyView {
  return {
    value: encodeSiblings(obj.siblings.map((s) => s.value)),
    version: vectorLabel(obj.vv),
    siblings: obj.siblings.map((s) => ({
      value: s.value,
      dot: dotLabel(s.dot),
      ts: s.ts,
      opId: s.opId,
      client: s.client,
    })),
    home,
  };
}

export function leaderlessReplicaViews(sim: LeaderlessSim): Record<NodeId, LeaderlessReplicaView> {
  const views: Record<NodeId, LeaderlessReplicaView> = {};
  for (const id of sim.core.nodeIds) {
    const node = nodeRuntime(sim, id);
    if (node === undefined) continue;
    const data: Record<string, CopyView> = {};
    for (const key of Object.keys(node.state.data).sort()) {
      const copy = node.state.data[key] as Versioned;
      data[key] = copyView(copy, homeOf(sim, key).home.includes(id));
    }
    const hints = Object.values(node.state.hints).map((h) => ({ home: h.home, key: h.key }));
    views[id] = { up: node.up, data, hints };
  }
  return views;
}

/** Do the home replicas of every key hold the same copy? */
export function leaderlessConverged(sim: LeaderlessSim): boolean {
  return allKeys(sim).every((key) => {
    const copies = homeOf(sim, key).home.map(
      (id) => nodeRuntime(sim, id)?.state.data[key] ?? EMPTY_OBJECT,
    );
    return copies.every((c) => sameObject(c, copies[0] as Versioned));
  });
}

function invokeTimes(history: readonly HistoryOp[]): Map<number, SimTimeMs> {
  const out = new Map<number, SimTimeMs>();
  for (const h of history) if (h.type === 'invoke') out.set(h.opId, h.time);
  return out;
}

/** Each write LWW dropped, once (the first replica to drop it), with what beat it. */
export function lwwDiscardedWrites(sim: LeaderlessSim): LwwDiscardedWrite[] {
  const acked = new Set(
    historyOps(sim.logs.history)
      .filter((h) => h.type === 'ok' && h.f === 'write')
      .map((h) => h.opId),
  );
  const invoked = invokeTimes(historyOps(sim.logs.history));
  const seen = new Set<number>();
  const out: LwwDiscardedWrite[] = [];
  for (const t of protocolEvents(sim, 'lww-discard')) {
    const d = t.detail as DiscardDetail;
    if (seen.has(d.loserOp)) continue;
    seen.add(d.loserOp);
    out.push({
      ...d,
      at: t.t,
      node: String(t.node),
      acknowledged: acked.has(d.loserOp),
      invokedAfterWinner: (invoked.get(d.loserOp) ?? 0) > (invoked.get(d.winnerOp) ?? 0),
    });
  }
  return out;
}

/**
 * Reads that missed a write acknowledged before they began: the read's version does not cover
 * the write's dot, so no replica that answered had seen it. Concurrent writes are not a problem:
 * each acknowledged one must be covered, kept as a sibling or overwritten by one the read saw.
 */
export function leaderlessStaleReads(history: readonly HistoryOp[]): HistoryOp[] {
  const writes = history.filter((h) => h.type === 'ok' && h.f === 'write');
  const invoked = invokeTimes(history);
  return history.filter((r) => {
    if (r.type !== 'ok' || r.f !== 'read') return false;
    const begun = invoked.get(r.opId) ?? r.time;
    const version = parseJsonOr<VersionVector>(r.meta?.version, {});
    return writes.some((w) => {
      if (w.key !== r.key || w.time >= begun) return false;
      const dot = parseDot(w.meta?.dot);
      return dot !== null && !covers(version, dot);
    });
  });
}

/**
 * Reads that returned less than a read of the same key that had already finished before they
 * began (their version vector does not cover the earlier one's): time seems to go backwards,
 * which quorums allow while a write is still in flight.
 */
export function readsOlderThanEarlierRead(history: readonly HistoryOp[]): HistoryOp[] {
  const reads = history.filter((h) => h.type === 'ok' && h.f === 'read');
  const invoked = invokeTimes(history);
  const versionOf = (h: HistoryOp) => parseJsonOr<VersionVector>(h.meta?.version, {});
  return reads.filter((r) => {
    const begun = invoked.get(r.opId) ?? r.time;
    const mine = versionOf(r);
    return reads.some((e) => e.key === r.key && e.time < begun && !leq(versionOf(e), mine));
  });
}

/** Writes the trace shows a coordinator applying, with the version its client had read. */
function appliedWrites(sim: LeaderlessSim) {
  return protocolEvents(sim, 'write').map((t) => {
    const d = t.detail as { key: string; dot: string; opId: number; context: VersionVector };
    return { ...d, at: t.t };
  });
}

/**
 * Acknowledged writes that are neither in the cluster's merged copy nor overwritten by a later
 * write whose client had read them: lost. With siblings on this must stay 0; under LWW these
 * are the silently discarded writes.
 */
export function leaderlessLostWrites(sim: LeaderlessSim): HistoryOp[] {
  const applied = appliedWrites(sim);
  const merged = new Map<string, Versioned>();
  return historyOps(sim.logs.history).filter((h) => {
    if (h.type !== 'ok' || h.f !== 'write') return false;
    const dot = parseDot(h.meta?.dot);
    if (dot === null) return false;
    let copy = merged.get(h.key);
    if (copy === undefined) {
      copy = mergedCopy(sim, h.key);
      merged.set(h.key, copy);
    }
    const kept = copy.siblings.some(
      (s) => s.dot.node === dot.node && s.dot.counter === dot.counter,
    );
    const overwritten = applied.some((a) => a.key === h.key && covers(a.context, dot));
    return !kept && !overwritten;
  });
}

/** Reads that returned a value only a failed write wrote (it was not rolled back). */
function failedWritesRead(history: readonly HistoryOp[]): number {
  const failed = history.filter((h) => h.type === 'fail' && h.f === 'write');
  const okValues = new Set(
    history
      .filter((h) => h.type === 'ok' && h.f === 'write')
      .map((h) => `${h.key}\u0000${h.value}`),
  );
  const failedValues = new Set(
    failed.map((h) => `${h.key}\u0000${h.value}`).filter((k) => !okValues.has(k)),
  );
  return history.filter(
    (r) =>
      r.type === 'ok' &&
      r.f === 'read' &&
      decodeSiblings(r.value).some((v) => failedValues.has(`${r.key}\u0000${v}`)),
  ).length;
}

export function leaderlessOutcome(sim: LeaderlessSim): LeaderlessOutcome {
  const history = historyOps(sim.logs.history);
  const count = (type: string, f: string) =>
    history.filter((h) => h.type === type && h.f === f).length;
  const events = (name: string) => protocolEvents(sim, name).length;
  const discarded = lwwDiscardedWrites(sim);
  const lost = leaderlessLostWrites(sim);
  const reported = new Set(discarded.map((d) => d.loserOp));
  const keys = allKeys(sim);
  const replicas = leaderlessReplicaViews(sim);
  let maxSiblings = 0;
  for (const r of Object.values(replicas))
    for (const c of Object.values(r.data)) maxSiblings = Math.max(maxSiblings, c.siblings.length);
  return {
    replicas,
    preferenceLists: Object.fromEntries(keys.map((k) => [k, homeOf(sim, k)])),
    lwwDiscarded: discarded,
    metrics: {
      writesAcknowledged: count('ok', 'write'),
      writesFailed: count('fail', 'write'),
      writesIndeterminate: count('info', 'write'),
      readsServed: count('ok', 'read'),
      readsFailed: count('fail', 'read'),
      staleReads: leaderlessStaleReads(history).length,
      readsOlderThanEarlierRead: readsOlderThanEarlierRead(history).length,
      failedWritesRead: failedWritesRead(history),
      lostWrites: lost.length,
      lostWritesUnreported: lost.filter((h) => !reported.has(h.opId)).length,
      lwwDiscardedWrites: discarded.length,
      lwwDiscardedAcknowledged: discarded.filter((d) => d.acknowledged).length,
      lwwDiscardedLaterWrites: discarded.filter((d) => d.invokedAfterWinner).length,
      maxSiblings,
      keysWithSiblings: keys.filter((k) => mergedCopy(sim, k).siblings.length > 1).length,
      readRepairs: events('read-repair'),
      hintsStored: events('hint-stored'),
      hintsHandedOff: events('hint-handed-off'),
      hintsPending: Object.values(replicas).reduce((n, r) => n + r.hints.length, 0),
      antiEntropyRounds: events('ae-round'),
      antiEntropyKeysRepaired: events('ae-repair'),
      converged: leaderlessConverged(sim),
    },
  };
}
