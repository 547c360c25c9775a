/**
 * A single-leader node's state, split into what survives a crash (durable: epoch, the log and
 * data, follower modes, the lifecycle chart) and what does not (volatile: the leader's view of
 * its followers and its lease, pending client writes, the monitor's observations).
 */

import type { ClientRequest, NodeContext } from '../../engine/protocol';
import type { ChartSnapshot } from '../../engine/statechart';
import type { NodeId } from '../../engine/types';
import type { BootstrapProgress } from './bootstrap';
import type { FollowerMode, SingleLeaderConfig } from './config';
import type { DataPatch } from './formats/patch';
import type { FormatNodeState } from './formats/settings';
import type { Storage } from './log';
import { sameGroup } from './partitions';

/** A client write the leader holds until its synchronous followers have it. */
export interface PendingWrite {
  pos: number;
  request: ClientRequest;
  acceptedAt: number;
  /** The followers whose acknowledgement it waits for (re-decided when modes change). */
  required: NodeId[];
  /** Log formats: extra facts for the client's answer (the ids a statement inserted). */
  meta?: Record<string, string>;
}

/** What a leader tracks, lost on crash. */
export interface LeaderVolatile {
  /**
   * What each follower that has acknowledged this leader has acknowledged, in the order first
   * heard (`ackProgress` finds one). A short list rather than records keyed by name: every
   * acknowledgement updates it, and by name that took a megamorphic load and two megamorphic
   * stores (about 450 instructions an acknowledgement).
   */
  acks: AckProgress[];
  /** Client writes waiting for synchronous acknowledgements, in log order. */
  pending: PendingWrite[];
  /** Semi-sync: the one follower currently synchronous. */
  syncFollower: NodeId | null;
  /**
   * The followers a new write waits for (`requiredAcks`), kept between writes, and the cluster
   * size it was worked out for: it changes only with the modes, the synchronous follower (both
   * go through `requiredAcksChanged`) or a joining node. Shared by the pending writes.
   */
  required: FollowerList | null;
  /** Whom `sendToFollowers` sends to; null until first needed or after an upstream change. */
  direct: FollowerList | null;
  /** Local time until which the monitor's lease lets this leader take writes (fencing). */
  leaseUntil: number;
  /**
   * Log formats: statement transactions that have run but not yet committed (SLEEP). Their
   * effects are seen by later transactions (ids stay taken) but reach the data only at commit,
   * and die with the leadership, as an open transaction dies with its server.
   */
  uncommitted?: Array<{ id: string; patch: DataPatch }>;
  /** Client writes are refused while this is up (a recovering leader; see writeBarrier.ts). */
  barrier: WriteBarrier | null;
  /** When the last barrier lifted (simulated time), for the view to show it lifting. */
  barrierLiftedAt: number | null;
}

/** What a leader knows of one follower's acknowledgements. */
export interface AckProgress {
  id: NodeId;
  /** Highest position it has acknowledged (0 for none yet). */
  matchPos: number;
  /** Simulated time of its last acknowledgement. */
  lastAckAt: number;
}

/** The follower's acknowledgement progress, or undefined if it has not acknowledged this leader. */
export function ackProgress(leader: LeaderVolatile, id: NodeId): AckProgress | undefined {
  for (const p of leader.acks) if (p.id === id) return p;
  return undefined;
}

/** Highest position `id` has acknowledged to this leader (0 for none). */
export function matchPos(leader: LeaderVolatile, id: NodeId): number {
  return ackProgress(leader, id)?.matchPos ?? 0;
}

/**
 * A recovering leader's write barrier: first (with promotion catch-up) collecting entries it
 * lacks from the other followers, then waiting until the followers that answer hold `targetPos`.
 */
export interface WriteBarrier {
  phase: 'fetching-peers' | 'waiting-followers';
  /** Simulated time it went up. */
  since: number;
  /** The leader's last position when it took over: what the followers must hold. */
  targetPos: number;
  /** Fetching-peers: the followers not yet answered. */
  awaiting: NodeId[];
}

/**
 * Followers a leader worked out once and keeps (see `required` and `direct`), with the cluster
 * size they were worked out for: a joining node makes them stale. The configuration (monitor,
 * partitions) is fixed for a simulation; what else changes them drops them.
 */
export interface FollowerList {
  ids: NodeId[];
  nodes: number;
}

/** What the failover monitor tracks. */
export interface MonitorVolatile {
  lastHeard: Record<NodeId, number>;
  /** Log positions reported in answer to a position query, for the current failover. */
  candidates: Record<NodeId, { lastPos: number; lastEpoch: number }>;
  /** Local time of the last ping that renewed the leader's lease. */
  lastLeasePingAt: number;
  suspect: NodeId | null;
}

export type Role = 'leader' | 'follower' | 'monitor';
export type Lifecycle = 'bootstrapping' | 'catchingUp' | 'recovering' | 'active' | 'down';

export interface SingleLeaderNode {
  id: NodeId;
  isMonitor: boolean;
  // Durable
  /** A replica's current epoch; for the monitor, the highest epoch it has issued. */
  epoch: number;
  leaderId: NodeId | null;
  /**
   * Monitor only: the epoch of the leader it last installed. Kept apart from `epoch` because a
   * promotion can be issued and never confirmed; each epoch must name exactly one leader.
   */
  leaderEpoch: number;
  storage: Storage;
  modes: Record<NodeId, FollowerMode>;
  chart: ChartSnapshot;
  /** Cascading: follower → the follower it replicates from (changed by `set-upstream`). */
  upstreams: Record<NodeId, NodeId>;
  /** A joining follower's bootstrap: method, progress and cost; null for founding replicas. */
  bootstrap: BootstrapProgress | null;
  /** Mirrors of the chart's regions, kept because the hot path reads them on every message. */
  role: Role;
  lifecycle: Lifecycle;
  // Volatile
  leader: LeaderVolatile | null;
  /** A follower does not send a second fetch while one is answered (until this local time). */
  fetchingUntil: number;
  /**
   * The latest time at which this replica is known to have held everything its leader had
   * (from the leader's messages; a leader is always fresh). Bounded-staleness reads use it.
   */
  freshAsOf: number;
  monitor: MonitorVolatile | null;
  /** Log formats (durable): storage-engine version, trigger shipping; absent without a format. */
  formats?: FormatNodeState;
  /** The part of our log known to agree with the current leader's: what we may give peers. */
  verifiedPos: number;
  /** Fetches retried without an answer: with peer catch-up, each retry tries the next source. */
  fetchAttempts: number;
  /** Cascading: when the upstream was last heard from, and whether this follower gave up on it. */
  upstreamHeardAt: number;
  upstreamLost: boolean;
}

export type Ctx = NodeContext<SingleLeaderConfig, SingleLeaderNode>;

/** The replicas: every node but the monitor. */
export function replicaIds(ctx: Ctx): NodeId[] {
  return ctx.nodeIds.filter((id) => id !== ctx.config.monitor);
}

/** Is `id` a follower from this node's point of view: another replica of its partition? */
export function isFollower(ctx: Ctx, id: NodeId): boolean {
  const { monitor, partitions } = ctx.config;
  return id !== ctx.self && id !== monitor && sameGroup(partitions, id, ctx.self);
}

/** The followers from this node's point of view. */
export function followerIds(ctx: Ctx): NodeId[] {
  return ctx.nodeIds.filter((id) => isFollower(ctx, id));
}

/** Does `id` replicate from another follower (cascading) rather than from this node? */
export function isCascaded(ctx: Ctx, id: NodeId): boolean {
  const upstream = ctx.state.upstreams[id];
  return upstream !== undefined && upstream !== ctx.self;
}

/** The followers that replicate from this node directly (a cascaded one hears from its upstream). */
function directFollowers(ctx: Ctx): NodeId[] {
  // Looking a name up in the (usually empty) upstream map misses, and a miss is slow (the
  // prototype chain is searched too): ask only when some follower cascades at all.
  const cascading = hasEntries(ctx.state.upstreams);
  return followerIds(ctx).filter((id) => !(cascading && isCascaded(ctx, id)));
}

/**
 * Send one message to every follower that replicates from this node directly. The leader does
 * this for every write and heartbeat, so it keeps the list rather than asking every node again
 * whether it is a follower each time.
 */
export function sendToFollowers(ctx: Ctx, kind: string, payload: unknown): void {
  const leader = ctx.state.leader;
  const nodes = ctx.nodeIds.length;
  let ids: NodeId[];
  if (leader === null) ids = directFollowers(ctx);
  else if (leader.direct !== null && leader.direct.nodes === nodes) ids = leader.direct.ids;
  else {
    ids = directFollowers(ctx);
    leader.direct = { ids, nodes };
  }
  for (const id of ids) ctx.send(id, kind, payload);
}

function hasEntries(record: Record<string, unknown>): boolean {
  for (const _ in record) return true;
  return false;
}
