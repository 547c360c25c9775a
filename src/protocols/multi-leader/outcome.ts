/**
 * What a finished (or paused) multi-leader run amounts to: each node's values, what it still owes
 * and awaits, every conflict found and how it was resolved, every write a strategy discarded, and
 * whether the replicas converged. Read only from the simulation's state, trace and history.
 */
import { nodeRuntime } from '../../engine/endpoints';
import { historyOps } from '../../engine/historyLog';
import type { Simulation } from '../../engine/simulation';
import { protocolEntries } from '../../engine/traceLog';
import type { HistoryOp, NodeId, SimTimeMs, TraceEvent, Value } from '../../engine/types';
import type { MultiLeaderClient } from './client';
import type { MultiLeaderConfig } from './config';
import type { RegSibling } from './register';
import type { MultiLeaderNode } from './state';
import { readKey, siblingCount } from './values';

export type MultiLeaderSim = Simulation<MultiLeaderConfig, MultiLeaderNode, MultiLeaderClient>;

export interface MultiLeaderReplicaView {
  role: 'leader' | 'follower';
  dc: string;
  up: boolean;
  /** Leaders (and followers) this node sends changes to. */
  targets: NodeId[];
  data: Record<string, { value: Value; siblings: number }>;
  /** Changes applied here. */
  applied: number;
  /** Changes received but waiting for their dependencies. */
  waiting: number;
  /** Changes not yet acknowledged, per receiver: a stalled link shows here. */
  owed: Record<NodeId, number>;
}

export interface ConflictReport {
  key: string;
  /** When and where it was first found. */
  at: SimTimeMs;
  node: NodeId;
  strategy: string;
  writes: { id: string; value: Value }[];
  /** The value the strategy made of them. */
  result: Value;
  /** A later write whose writer had seen them all (siblings resolved by the application). */
  resolvedBy: string | null;
}

export interface DiscardReport {
  key: string;
  at: SimTimeMs;
  node: NodeId;
  strategy: string;
  loser: RegSibling;
  winner: RegSibling;
  acknowledged: boolean;
  /** The loser was invoked after the winner: a skewed clock, not real time, chose. */
  invokedAfterWinner: boolean;
}

export interface MultiLeaderOutcome {
  replicas: Record<NodeId, MultiLeaderReplicaView>;
  conflicts: ConflictReport[];
  discarded: DiscardReport[];
  metrics: Record<string, number | boolean>;
}

function events(sim: MultiLeaderSim, name: string): TraceEvent[] {
  return protocolEntries(sim.logs.trace, name);
}

function replicaView(node: MultiLeaderNode, up: boolean, sim: MultiLeaderSim) {
  const data: MultiLeaderReplicaView['data'] = {};
  for (const key of Object.keys(node.data).sort()) {
    const state = node.data[key];
    if (state === undefined) continue;
    data[key] = {
      value: readKey(state, sim.config.protocol.conflicts),
      siblings: siblingCount(state, sim.config.protocol.conflicts),
    };
  }
  const owed: Record<NodeId, number> = {};
  for (const [to, box] of Object.entries(node.outbox)) if (box.length > 0) owed[to] = box.length;
  return {
    role: node.role,
    dc: node.dc,
    up,
    targets: [...node.targets, ...node.followers],
    data,
    applied: Object.keys(node.applied).length,
    waiting: node.waiting.length,
    owed,
  };
}

export function multiLeaderReplicaViews(sim: MultiLeaderSim) {
  const views: Record<NodeId, MultiLeaderReplicaView> = {};
  for (const id of sim.core.nodeIds) {
    const node = nodeRuntime(sim, id);
    if (node !== undefined) views[id] = replicaView(node.state, node.up, sim);
  }
  return views;
}

/** Writes as their origin took them: what each overwrote. */
function writesTaken(sim: MultiLeaderSim) {
  return events(sim, 'write').map(
    (t) => t.detail as { id: string; key: string; replaces: string[] },
  );
}

export function conflictReports(sim: MultiLeaderSim): ConflictReport[] {
  const seen = new Set<string>();
  const writes = writesTaken(sim);
  const out: ConflictReport[] = [];
  for (const t of events(sim, 'conflict')) {
    const d = t.detail as { key: string; strategy: string; ids: string[]; values: Value[] };
    const id = `${d.key}|${d.ids.join(',')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const resolver = writes.find(
      (w) => w.key === d.key && d.ids.every((x) => w.replaces.includes(x)),
    );
    out.push({
      key: d.key,
      at: t.t,
      node: String(t.node),
      strategy: d.strategy,
      writes: d.ids.map((x, i) => ({ id: x, value: d.values[i] ?? null })),
      result: (t.detail as { result: Value }).result,
      resolvedBy: resolver?.id ?? null,
    });
  }
  return out;
}

function invokeTimes(history: readonly HistoryOp[]): Map<number, SimTimeMs> {
  const out = new Map<number, SimTimeMs>();
  for (const h of history) if (h.type === 'invoke') out.set(h.opId, h.time);
  return out;
}

/** Each write a strategy discarded, once (where it was first dropped), with what beat it. */
export function discardReports(sim: MultiLeaderSim): DiscardReport[] {
  const acked = new Set(
    historyOps(sim.logs.history)
      .filter((h) => h.type === 'ok' && h.f === 'write')
      .map((h) => h.opId),
  );
  const invoked = invokeTimes(historyOps(sim.logs.history));
  const seen = new Set<string>();
  const out: DiscardReport[] = [];
  for (const t of events(sim, 'discard')) {
    const d = t.detail as { key: string; strategy: string; loser: RegSibling; winner: RegSibling };
    if (seen.has(d.loser.id)) continue;
    seen.add(d.loser.id);
    out.push({
      ...d,
      at: t.t,
      node: String(t.node),
      acknowledged: acked.has(d.loser.opId),
      invokedAfterWinner: (invoked.get(d.loser.opId) ?? 0) > (invoked.get(d.winner.opId) ?? 0),
    });
  }
  return out;
}

/**
 * Acknowledged register writes that no replica holds, that no later write overwrote knowingly,
 * and that no discard names: lost without a word. Must stay 0.
 */
export function unreportedLostWrites(sim: MultiLeaderSim): HistoryOp[] {
  if (sim.config.protocol.values !== 'register') return [];
  const held = new Set<string>();
  for (const id of sim.core.nodeIds) {
    for (const state of Object.values(nodeRuntime(sim, id)?.state.data ?? {}))
      if (state.kind === 'register') for (const s of state.siblings) held.add(s.id);
  }
  const replaced = new Set(writesTaken(sim).flatMap((w) => w.replaces));
  const discarded = new Set(discardReports(sim).map((d) => d.loser.id));
  return historyOps(sim.logs.history).filter((h) => {
    if (h.type !== 'ok' || h.f !== 'write') return false;
    const id = String(h.meta?.change ?? '');
    return !held.has(id) && !replaced.has(id) && !discarded.has(id);
  });
}

/** How many times some node applied a change it had already applied (must be 0). */
export function appliedTwice(sim: MultiLeaderSim): number {
  const seen = new Set<string>();
  let twice = 0;
  for (const t of events(sim, 'apply')) {
    const id = `${t.node}|${(t.detail as { id: string }).id}`;
    if (seen.has(id)) twice++;
    seen.add(id);
  }
  return twice;
}

/** The largest number of different values one key has across the nodes (1: converged). */
function distinctValues(views: Record<NodeId, MultiLeaderReplicaView>): number {
  const keys = new Set(Object.values(views).flatMap((v) => Object.keys(v.data)));
  let most = keys.size === 0 ? 1 : 0;
  for (const key of keys) {
    const values = new Set(
      Object.values(views).map((v) => JSON.stringify(v.data[key]?.value ?? null)),
    );
    most = Math.max(most, values.size);
  }
  return most;
}

export function multiLeaderOutcome(sim: MultiLeaderSim): MultiLeaderOutcome {
  const history = historyOps(sim.logs.history);
  const count = (type: string, f: string) =>
    history.filter((h) => h.type === type && h.f === f).length;
  const replicas = multiLeaderReplicaViews(sim);
  const conflicts = conflictReports(sim);
  const discarded = discardReports(sim);
  const views = Object.values(replicas);
  const distinct = distinctValues(replicas);
  const upViews = Object.fromEntries(Object.entries(replicas).filter(([, v]) => v.up));
  const lwwLike = discarded.filter((d) => d.strategy === 'lww' || d.strategy === 'home-leader');
  return {
    replicas,
    conflicts,
    discarded,
    metrics: {
      writesAcknowledged: count('ok', 'write'),
      writesFailed: count('fail', 'write'),
      writesIndeterminate: count('info', 'write'),
      readsServed: count('ok', 'read'),
      conflicts: conflicts.length,
      conflictsResolvedByWrite: conflicts.filter((c) => c.resolvedBy !== null).length,
      writesDiscarded: discarded.length,
      lwwDiscardedWrites: lwwLike.length,
      discardedAcknowledged: discarded.filter((d) => d.acknowledged).length,
      discardedLaterWrites: discarded.filter((d) => d.invokedAfterWinner).length,
      lostWritesUnreported: unreportedLostWrites(sim).length,
      appliedTwice: appliedTwice(sim),
      appliedBeforeDependency: events(sim, 'out-of-order').length,
      causalWaits: events(sim, 'causal-wait').length,
      updatesOnMissingRow: events(sim, 'update-missing-row').length,
      loopsIgnored: events(sim, 'loop-ignored').length,
      changesOwed: views.reduce((n, v) => n + Object.values(v.owed).reduce((a, b) => a + b, 0), 0),
      changesWaiting: views.reduce((n, v) => n + v.waiting, 0),
      maxSiblings: Math.max(
        0,
        ...views.flatMap((v) => Object.values(v.data).map((d) => d.siblings)),
      ),
      distinctValues: distinct,
      converged: distinct === 1,
      upConverged: distinctValues(upViews) === 1,
    },
  };
}
