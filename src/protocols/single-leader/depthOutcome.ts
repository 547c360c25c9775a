/**
 * The in-depth part of a single-leader run's outcome: what each bootstrap cost, how long each
 * replica took to apply the leader's entries (so the extra lag per cascading hop), catch-ups
 * from peers, upstreams lost, and the write barrier (its lifts, the writes it refused, and the
 * writes accepted while it was up, which must be none).
 */
import { historyOps } from '../../engine/historyLog';
import { nodeRuntime } from '../../engine/simulation';
import { protocolEntries, storedTrace } from '../../engine/traceLog';
import type { NodeId, SimTimeMs } from '../../engine/types';
import type { BootstrapMethod } from './config';
import { authoritativeReplica, type SingleLeaderSim } from './outcome';

export interface BootstrapReport {
  node: NodeId;
  method: BootstrapMethod;
  /** Snapshot and catch-up messages it received until caught up, and their size as JSON. */
  messages: number;
  bytes: number;
  /** From joining to being able to serve reads, to its first read served, to caught up. */
  readyMs: number | null;
  firstReadMs: number | null;
  caughtUpMs: number | null;
}

export function bootstrapReports(sim: SingleLeaderSim): BootstrapReport[] {
  const reports: BootstrapReport[] = [];
  for (const id of sim.core.nodeIds) {
    const b = nodeRuntime(sim, id)?.state.bootstrap;
    if (b == null) continue;
    const since = (t: number | null) => (t === null ? null : t - b.startedAt);
    reports.push({
      node: id,
      method: b.method,
      messages: b.messages,
      bytes: b.bytes,
      readyMs: since(b.readyAt),
      firstReadMs: since(b.firstReadAt),
      caughtUpMs: since(b.caughtUpAt),
    });
  }
  return reports;
}

/**
 * Each replica's mean delay (ms) from the leader appending an entry to the replica applying it,
 * over the entries of the authoritative log it applied.
 */
export function applyDelays(sim: SingleLeaderSim): Record<NodeId, number> {
  const truth = authoritativeReplica(sim);
  const storage = truth === null ? undefined : nodeRuntime(sim, truth)?.state.storage;
  if (storage === undefined) return {};
  const appendedAt = new Map<number, SimTimeMs>();
  for (const e of storage.log) appendedAt.set(e.pos, e.appendedAt);
  const sums = new Map<NodeId, { total: number; n: number; seen: Set<number> }>();
  for (const t of protocolEntries(sim.logs.trace, 'apply')) {
    if (t.node === undefined) continue;
    const pos = Number(t.detail);
    const at = appendedAt.get(pos);
    if (at === undefined) continue;
    let sum = sums.get(t.node);
    if (sum === undefined) {
      sum = { total: 0, n: 0, seen: new Set() };
      sums.set(t.node, sum);
    }
    if (sum.seen.has(pos)) continue;
    sum.seen.add(pos);
    sum.total += t.t - at;
    sum.n += 1;
  }
  const delays: Record<NodeId, number> = {};
  for (const [id, s] of sums) delays[id] = Math.round(s.total / s.n);
  return delays;
}

/** Mean over cascaded followers of their apply delay minus their upstream's (or 0 if none). */
function extraLagPerHop(sim: SingleLeaderSim, delays: Record<NodeId, number>): number {
  const hops: number[] = [];
  for (const [follower, upstream] of Object.entries(sim.config.protocol.upstreams)) {
    const mine = delays[follower];
    const theirs = delays[upstream];
    if (mine !== undefined && theirs !== undefined) hops.push(mine - theirs);
  }
  return hops.length === 0 ? 0 : Math.round(hops.reduce((a, b) => a + b, 0) / hops.length);
}

interface BarrierWindow {
  node: NodeId;
  epoch: number;
  upAt: SimTimeMs;
  liftedAt: SimTimeMs;
}

/**
 * When each leader's barrier was up: until lifted, or the leader's crash or demotion, or the
 * run's end (`liftedAt` infinite).
 */
export function barrierWindows(sim: SingleLeaderSim): BarrierWindow[] {
  const open = new Map<NodeId, { epoch: number; upAt: SimTimeMs }>();
  const windows: BarrierWindow[] = [];
  const close = (node: NodeId, at: SimTimeMs) => {
    const w = open.get(node);
    if (w !== undefined) windows.push({ node, ...w, liftedAt: at });
    open.delete(node);
  };
  for (const t of storedTrace(sim.logs.trace)) {
    if (t.node === undefined) continue;
    if (t.type === 'crash') close(t.node, t.t);
    if (t.type === 'role' && t.detail === 'follower') close(t.node, t.t);
    if (t.type !== 'protocol' || t.name !== 'barrier') continue;
    const d = t.detail as { state: string; epoch: number };
    if (d.state === 'lifted') close(t.node, t.t);
    else if (!open.has(t.node)) open.set(t.node, { epoch: d.epoch, upAt: t.t });
  }
  for (const node of [...open.keys()]) close(node, Number.POSITIVE_INFINITY);
  return windows;
}

/**
 * Entries a leader appended in its own epoch while its barrier was up, found in any replica's
 * log: the barrier promises there are none. (An entry every replica later discarded is not
 * seen; a leader keeps its own entries unless a newer leader overrules it.)
 */
export function writesUnderBarrier(sim: SingleLeaderSim): number {
  const windows = barrierWindows(sim);
  if (windows.length === 0) return 0;
  const seen = new Set<string>();
  let count = 0;
  for (const id of sim.core.nodeIds) {
    for (const e of nodeRuntime(sim, id)?.state.storage.log ?? []) {
      const key = `${e.epoch}:${e.pos}:${e.opId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const under = windows.some(
        (w) => w.epoch === e.epoch && e.appendedAt >= w.upAt && e.appendedAt < w.liftedAt,
      );
      if (under) count++;
    }
  }
  return count;
}

/** Per node, how long its last recovery took (restart to active again). */
function recoveryTimes(sim: SingleLeaderSim): Record<NodeId, number> {
  const since = new Map<NodeId, SimTimeMs>();
  const times: Record<NodeId, number> = {};
  for (const t of protocolEntries(sim.logs.trace, 'lifecycle')) {
    if (t.node === undefined) continue;
    if (t.detail === 'recovering') since.set(t.node, t.t);
    const start = since.get(t.node);
    if (t.detail === 'active' && start !== undefined) {
      times[t.node] = t.t - start;
      since.delete(t.node);
    }
  }
  return times;
}

function countProtocol(sim: SingleLeaderSim, name: string, state?: string): number {
  let n = 0;
  for (const t of protocolEntries(sim.logs.trace, name)) {
    if (state === undefined || (t.detail as { state?: string }).state === state) n++;
  }
  return n;
}

/** The metrics a scenario may state expectations about, flattened to names. */
export function depthMetrics(sim: SingleLeaderSim): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const b of bootstrapReports(sim)) {
    const prefix = `bootstrap.${b.node}`;
    metrics[`${prefix}.messages`] = b.messages;
    metrics[`${prefix}.bytes`] = b.bytes;
    if (b.readyMs !== null) metrics[`${prefix}.readyMs`] = b.readyMs;
    if (b.firstReadMs !== null) metrics[`${prefix}.firstReadMs`] = b.firstReadMs;
    if (b.caughtUpMs !== null) metrics[`${prefix}.caughtUpMs`] = b.caughtUpMs;
  }
  const delays = applyDelays(sim);
  for (const [id, ms] of Object.entries(delays)) metrics[`applyDelayMs.${id}`] = ms;
  metrics.extraLagPerHopMs = extraLagPerHop(sim, delays);
  for (const [id, ms] of Object.entries(recoveryTimes(sim))) metrics[`recoveryMs.${id}`] = ms;
  metrics.upstreamsLost = countProtocol(sim, 'upstream-lost');
  metrics.peerCatchUps = countProtocol(sim, 'peer-catch-up');
  metrics.recoveredEntries = countProtocol(sim, 'recovered-entry');
  metrics.barrierLifts = countProtocol(sim, 'barrier', 'lifted');
  metrics.barrierRefusals = historyOps(sim.logs.history).filter(
    (h) => h.type === 'fail' && h.error?.startsWith('write barrier') === true,
  ).length;
  metrics.readsRefusedJoining = historyOps(sim.logs.history).filter(
    (h) => h.type === 'fail' && h.f === 'read' && h.error?.includes('cannot serve reads') === true,
  ).length;
  metrics.writesUnderBarrier = writesUnderBarrier(sim);
  return metrics;
}
