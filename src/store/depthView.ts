/**
 * The in-depth single-leader states of one node, as the views show them: how a joining follower
 * bootstraps and whether it serves reads yet, which follower a cascaded one replicates from, and
 * a recovering leader's write barrier (up, or lately lifted).
 */
import type { BootstrapMethod } from '../protocols/single-leader/config';
import { lastPos } from '../protocols/single-leader/log';
import type { SingleLeaderNode } from '../protocols/single-leader/state';

/** How long (sim ms) a lifted barrier stays shown as "lifted" before it is simply gone. */
export const BARRIER_LIFTED_SHOWN_MS = 1000;

export interface BootstrapView {
  method: BootstrapMethod;
  /** Its log position, and the one it needs before serving reads (null until known). */
  pos: number;
  targetPos: number | null;
  servesReads: boolean;
  /** Simulated ms from joining to: ready for reads, first read served, caught up. */
  readyMs: number | null;
  firstReadMs: number | null;
  caughtUpMs: number | null;
}

export type BarrierView =
  | { state: 'up'; phase: 'fetching-peers' | 'waiting-followers'; targetPos: number }
  | { state: 'lifted'; liftedAt: number };

export interface NodeDepthView {
  /** Followers that joined during the run; null for the founding replicas. */
  bootstrap: BootstrapView | null;
  /** Cascading: the follower it replicates from, or null (from the leader). */
  upstream: string | null;
  /** It heard nothing from that upstream for too long and polls the leader meanwhile. */
  upstreamLost: boolean;
  /** A leader's write barrier. */
  barrier: BarrierView | null;
}

export const NO_DEPTH: NodeDepthView = {
  bootstrap: null,
  upstream: null,
  upstreamLost: false,
  barrier: null,
};

function bootstrapView(s: SingleLeaderNode): BootstrapView | null {
  const b = s.bootstrap;
  if (b == null) return null;
  const since = (at: number | null) => (at === null ? null : at - b.startedAt);
  return {
    method: b.method,
    pos: lastPos(s.storage),
    targetPos: b.targetPos,
    servesReads: b.readyAt !== null,
    readyMs: since(b.readyAt),
    firstReadMs: since(b.firstReadAt),
    caughtUpMs: since(b.caughtUpAt),
  };
}

function barrierView(s: SingleLeaderNode, t: number): BarrierView | null {
  const leader = s.leader;
  if (leader == null) return null;
  if (leader.barrier != null) {
    const { phase, targetPos } = leader.barrier;
    return { state: 'up', phase, targetPos };
  }
  const liftedAt = leader.barrierLiftedAt;
  if (liftedAt != null && t - liftedAt <= BARRIER_LIFTED_SHOWN_MS)
    return { state: 'lifted', liftedAt };
  return null;
}

export function depthView(s: SingleLeaderNode, up: boolean, t: number): NodeDepthView {
  if (s.isMonitor) return NO_DEPTH;
  const upstream = s.upstreams[s.id];
  return {
    bootstrap: bootstrapView(s),
    upstream: upstream === undefined || s.role === 'leader' ? null : upstream,
    upstreamLost: up && s.upstreamLost,
    barrier: up ? barrierView(s, t) : null,
  };
}
