/**
 * What a finished (or paused) single-leader run amounts to: each replica's final state, the
 * acknowledged writes that were lost, the writes discarded from logs, the failovers, split-brain
 * writes, and the numeric metrics that scenarios state expectations about.
 */
import { historyOps } from '../../engine/historyLog';
import { nodeRuntime, type Simulation } from '../../engine/simulation';
import { protocolEntries, storedTrace } from '../../engine/traceLog';
import type { HistoryOp, NodeId, SimTimeMs, Value } from '../../engine/types';
import type { SingleLeaderClient } from './client';
import type { SingleLeaderConfig } from './config';
import { type BootstrapReport, bootstrapReports, depthMetrics } from './depthOutcome';
import { formatMetrics } from './formats/metrics';
import { type LogEntry, lastPos } from './log';
import { groupMembers, partitionOfKey, partitionOfNode } from './partitions';
import type { SingleLeaderNode } from './state';

export type SingleLeaderSim = Simulation<SingleLeaderConfig, SingleLeaderNode, SingleLeaderClient>;

export interface ReplicaView {
  role: string;
  lifecycle: string;
  up: boolean;
  epoch: number;
  lastPos: number;
  data: Record<string, Value>;
  log: LogEntry[];
}

export interface LostWrite {
  opId: number;
  client: string;
  key: string;
  value: Value;
  pos: number;
  epoch: number;
  ackedAt: SimTimeMs;
}

export interface Failover {
  at: SimTimeMs;
  from: NodeId | null;
  to: NodeId;
  epoch: number;
  /** The old leader was still running: the failover was not needed. */
  oldLeaderUp: boolean;
}

export interface DiscardedEntry {
  at: SimTimeMs;
  node: NodeId;
  pos: number;
  epoch: number;
  opId: number;
  key: string;
  value: Value;
}

export interface SingleLeaderOutcome {
  replicas: Record<NodeId, ReplicaView>;
  lostWrites: LostWrite[];
  discardedWrites: DiscardedEntry[];
  failovers: Failover[];
  metrics: Record<string, number | boolean>;
  /** What each follower added during the run cost to bootstrap. */
  bootstraps: BootstrapReport[];
}

function replicaIdsOf(sim: SingleLeaderSim): NodeId[] {
  return sim.core.nodeIds.filter((id) => id !== sim.config.protocol.monitor);
}

/** The replicas that hold the same data: one group per partition (all replicas if none). */
export function replicaGroups(sim: SingleLeaderSim): NodeId[][] {
  const p = sim.config.protocol.partitions;
  const replicas = replicaIdsOf(sim);
  return p === undefined ? [replicas] : p.ids.map((id) => groupMembers(p, id, replicas));
}

/** The replica whose log counts as the truth at the end: the up leader of the newest epoch. */
export function authoritativeReplica(
  sim: SingleLeaderSim,
  group: readonly NodeId[] = replicaIdsOf(sim),
): NodeId | null {
  let best: SingleLeaderNode | null = null;
  for (const id of group) {
    const node = nodeRuntime(sim, id);
    if (node === undefined || !node.up) continue;
    const s = node.state;
    const better =
      best === null ||
      (s.role === 'leader' && best.role !== 'leader') ||
      (s.role === best.role &&
        (s.epoch > best.epoch ||
          (s.epoch === best.epoch && lastPos(s.storage) > lastPos(best.storage))));
    if (better) best = s;
  }
  return best?.id ?? null;
}

function acknowledgedWrites(history: readonly HistoryOp[]): HistoryOp[] {
  return history.filter((h) => h.type === 'ok' && h.f === 'write');
}

/** Partition → the replica whose log counts as that partition's truth at the end. */
export function authoritativeReplicas(sim: SingleLeaderSim): Map<string, NodeId> {
  const truths = new Map<string, NodeId>();
  const p = sim.config.protocol.partitions;
  for (const group of replicaGroups(sim)) {
    const truth = authoritativeReplica(sim, group);
    if (truth !== null) truths.set(partitionOfNode(p, truth), truth);
  }
  return truths;
}

/**
 * Acknowledged writes whose entry is not in the log of their partition's authoritative replica.
 * Writes already folded into that replica's snapshot cannot be checked and are not counted.
 */
export function lostWrites(sim: SingleLeaderSim): LostWrite[] {
  const p = sim.config.protocol.partitions;
  const storages = new Map<string, { kept: Set<number>; snapshotPos: number }>();
  for (const [partition, truth] of authoritativeReplicas(sim)) {
    const storage = nodeRuntime(sim, truth)?.state.storage;
    if (storage === undefined) continue;
    const kept = new Set(storage.log.map((e) => e.opId));
    storages.set(partition, { kept, snapshotPos: storage.snapshotPos });
  }
  return acknowledgedWrites(historyOps(sim.logs.history))
    .filter((h) => {
      const truth = storages.get(partitionOfKey(p, h.key));
      if (truth === undefined) return false;
      return !truth.kept.has(h.opId) && Number(h.meta?.pos ?? 0) > truth.snapshotPos;
    })
    .map((h) => ({
      opId: h.opId,
      client: h.process,
      key: h.key,
      value: h.value,
      pos: Number(h.meta?.pos),
      epoch: Number(h.meta?.epoch),
      ackedAt: h.time,
    }));
}

export function failovers(sim: SingleLeaderSim): Failover[] {
  return protocolEntries(sim.logs.trace, 'failover').map((t) => ({
    at: t.t,
    ...(t.detail as Omit<Failover, 'at'>),
  }));
}

export function discardedWrites(sim: SingleLeaderSim): DiscardedEntry[] {
  return protocolEntries(sim.logs.trace, 'discard').flatMap((t) =>
    (t.detail as Omit<DiscardedEntry, 'at' | 'node'>[]).map((e) => ({
      at: t.t,
      node: String(t.node),
      ...e,
    })),
  );
}

/**
 * Writes acknowledged by a superseded leader although they were issued after its successor had
 * been installed: two leaders were taking writes at once (split brain).
 */
export function splitBrainWrites(sim: SingleLeaderSim, fo: Failover[]): number {
  const invokedAt = new Map<number, SimTimeMs>();
  for (const h of historyOps(sim.logs.history))
    if (h.type === 'invoke') invokedAt.set(h.opId, h.time);
  return acknowledgedWrites(historyOps(sim.logs.history)).filter((h) => {
    const issued = invokedAt.get(h.opId) ?? h.time;
    const newest = fo.filter((f) => f.at < issued).reduce((e, f) => Math.max(e, f.epoch), 1);
    return Number(h.meta?.epoch) < newest;
  }).length;
}

/** For each acknowledged write, when each replica applied it (first `apply` after acceptance). */
function ackTiming(sim: SingleLeaderSim): { beforeAll: number; beforeSync: number } {
  const applied = new Map<string, SimTimeMs[]>();
  for (const t of protocolEntries(sim.logs.trace, 'apply')) {
    const k = `${t.node}@${String(t.detail)}`;
    const list = applied.get(k);
    if (list) list.push(t.t);
    else applied.set(k, [t.t]);
  }
  const { partitions, followers: modes, semiSync } = sim.config.protocol;
  // Each partition's original followers: replicas of its group other than its first leader.
  const originalFollowers = (key: string) => {
    const partition = partitionOfKey(partitions, key);
    const leader = partitions?.leaders[partition] ?? sim.config.protocol.leader;
    const group = groupMembers(partitions, partition, replicaIdsOf(sim));
    return group.filter((id) => id !== leader && sim.config.nodes.includes(id));
  };
  const invokedAt = new Map<number, SimTimeMs>();
  for (const h of historyOps(sim.logs.history))
    if (h.type === 'invoke') invokedAt.set(h.opId, h.time);
  let beforeAll = 0;
  let beforeSync = 0;
  for (const h of acknowledgedWrites(historyOps(sim.logs.history))) {
    if (Number(h.meta?.epoch) !== 1) continue; // only the original configuration's followers
    const start = invokedAt.get(h.opId) ?? 0;
    const late = (f: NodeId) => {
      const first = applied.get(`${f}@${String(h.meta?.pos)}`)?.find((time) => time >= start);
      return first === undefined || first > h.time;
    };
    const followers = originalFollowers(h.key);
    const sync = followers.filter((f) => modes[f] === 'sync');
    if (followers.some(late)) beforeAll++;
    if (semiSync === false && sync.some(late)) beforeSync++;
  }
  return { beforeAll, beforeSync };
}

/**
 * Reads that returned a value older than one already acknowledged to some client before the
 * read began. Needs unique written values (workloads produce them).
 */
export function staleReads(history: readonly HistoryOp[]): number {
  const writes = history.filter((h) => h.f === 'write' && h.type === 'ok');
  const posOfValue = new Map<string, number>();
  for (const w of writes)
    posOfValue.set(`${w.key}\u0000${String(w.value)}`, Number(w.meta?.pos ?? 0));
  const invokes = new Map<number, SimTimeMs>();
  for (const h of history) if (h.type === 'invoke') invokes.set(h.opId, h.time);
  let stale = 0;
  for (const r of history) {
    if (r.type !== 'ok' || r.f !== 'read') continue;
    const begun = invokes.get(r.opId) ?? r.time;
    let newest = 0;
    for (const w of writes)
      if (w.key === r.key && w.time < begun) newest = Math.max(newest, Number(w.meta?.pos ?? 0));
    if (newest === 0) continue;
    const seen =
      r.value === null ? 0 : (posOfValue.get(`${r.key}\u0000${String(r.value)}`) ?? newest);
    if (seen < newest) stale++;
  }
  return stale;
}

/** Do all live, serving replicas of each group (partition) hold the same data? */
export function converged(sim: SingleLeaderSim): boolean {
  return replicaGroups(sim).every((group) => {
    const datas = group
      .map((id) => nodeRuntime(sim, id))
      .filter((n) => n?.up && n.state.lifecycle !== 'bootstrapping')
      .map((n) => JSON.stringify(Object.entries(n?.state.storage.data ?? {}).sort()));
    return datas.every((d) => d === datas[0]);
  });
}

export function replicaViews(sim: SingleLeaderSim): Record<NodeId, ReplicaView> {
  const views: Record<NodeId, ReplicaView> = {};
  for (const id of sim.core.nodeIds) {
    const node = nodeRuntime(sim, id);
    if (node === undefined) continue;
    const s = node.state;
    views[id] = {
      role: s.role,
      lifecycle: node.up ? s.lifecycle : 'down',
      up: node.up,
      epoch: s.epoch,
      lastPos: lastPos(s.storage),
      data: { ...s.storage.data },
      log: s.storage.log.map((e) => ({ ...e })),
    };
  }
  return views;
}

export function singleLeaderOutcome(sim: SingleLeaderSim): SingleLeaderOutcome {
  const history = historyOps(sim.logs.history);
  const lost = lostWrites(sim);
  const discarded = discardedWrites(sim);
  const fo = failovers(sim);
  const timing = ackTiming(sim);
  const completions = history.filter((h) => h.type !== 'invoke');
  const count = (type: string, f: string) =>
    completions.filter((h) => h.type === type && h.f === f).length;
  const lifecycleEvents = (state: string) =>
    protocolEntries(sim.logs.trace, 'lifecycle').filter((t) => t.detail === state).length;
  return {
    replicas: replicaViews(sim),
    lostWrites: lost,
    discardedWrites: discarded,
    failovers: fo,
    metrics: {
      writesAcknowledged: count('ok', 'write'),
      writesFailed: count('fail', 'write'),
      writesIndeterminate: count('info', 'write'),
      readsServed: count('ok', 'read'),
      lostWrites: lost.length,
      discardedWrites: discarded.length,
      failovers: fo.length,
      needlessFailovers: fo.filter((f) => f.oldLeaderUp).length,
      splitBrainWrites: splitBrainWrites(sim, fo),
      ackedBeforeAllFollowers: timing.beforeAll,
      ackedBeforeSyncFollowers: timing.beforeSync,
      staleReads: staleReads(history),
      snapshotsInstalled: protocolEntries(sim.logs.trace, 'snapshot-installed').length,
      recoveries: lifecycleEvents('recovering'),
      syncFollowerChanges: protocolEntries(sim.logs.trace, 'sync-follower').length,
      converged: converged(sim),
      ...depthMetrics(sim),
      ...formatMetrics(storedTrace(sim.logs.trace), history),
    },
    bootstraps: bootstrapReports(sim),
  };
}
