/**
 * A leaderless node's state. Durable (survives a crash, like a disk): the stored copies and the
 * hints it holds for unreachable replicas. Volatile: the operations it is coordinating and the
 * anti-entropy cursor.
 */
import type { ClientRequest, NodeContext } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import type { LeaderlessConfig } from './config';
import { buildRing, type Placement, placement } from './ring';
import type { Versioned } from './versioned';
import type { Dot, VersionVector } from './versionVector';

/** A copy kept for a home replica that could not be reached, to hand it over later. */
export interface Hint {
  home: NodeId;
  key: string;
  storedAt: number;
}

/** One replica a coordinator asked, and what became of the request. */
export interface Asked {
  node: NodeId;
  /** A stand-in asked in place of this home replica (sloppy quorum). */
  hintFor: NodeId | null;
  answered: boolean;
  timedOut: boolean;
}

/** A client operation a coordinator is fanning out, until every replica answered or timed out. */
export interface QuorumOp {
  id: number;
  kind: 'read' | 'write';
  request: ClientRequest;
  key: string;
  /** w for a write, r for a read. */
  needed: number;
  asked: Asked[];
  /** Nodes after the home replicas, in ring order, not yet asked (sloppy quorum). */
  spares: NodeId[];
  acks: NodeId[];
  replies: { node: NodeId; obj: Versioned | null }[];
  /** A write: the coordinator's copy after applying it, shipped to every replica. */
  obj: Versioned | null;
  dot: Dot | null;
  context: VersionVector;
  /** The client has its answer; the op lingers only to collect late replies (read repair). */
  answered: boolean;
}

export interface LeaderlessNode {
  id: NodeId;
  // Durable
  /**
   * The name this node stamps its writes with: its id, and after its data was restored from
   * another replica a fresh one (`n2~1`), because the restored copy lacks some of the writes it
   * stamped before and reusing their counters would give two writes the same version.
   */
  actor: string;
  restores: number;
  data: Record<string, Versioned>;
  /** By `${home}|${key}`. */
  hints: Record<string, Hint>;
  // Volatile
  ops: Record<number, QuorumOp>;
  nextOpId: number;
  /** Round-robin position over anti-entropy peers. */
  aeCursor: number;
}

export type Ctx = NodeContext<LeaderlessConfig, LeaderlessNode>;

/** The key's home replicas and stand-ins on the current ring. */
export function placementOf(ctx: Pick<Ctx, 'nodeIds' | 'config'>, key: string): Placement {
  return placement(buildRing(ctx.nodeIds, ctx.config.vnodes), key, ctx.config.n);
}

export function hintId(home: NodeId, key: string): string {
  return `${home}|${key}`;
}
