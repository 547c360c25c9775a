/**
 * A multi-leader node's state. All of it is durable (a replication log and its positions live on
 * disk): the keys, which changes it has applied, the changes waiting for their dependencies, and
 * the changes it still owes each node it sends to (its outbox, resent until acknowledged).
 */
import type { NodeContext } from '../../engine/protocol';
import type { NodeId } from '../../engine/types';
import type { Change } from './change';
import type { MultiLeaderConfig, Topology } from './config';
import type { KeyState } from './values';

/** A change owed to one node, and when it was last sent there. */
export interface OutEntry {
  change: Change;
  sentAt: number;
}

export interface MultiLeaderNode {
  id: NodeId;
  role: 'leader' | 'follower';
  dc: string;
  /** A follower's leader; a leader's own id. */
  leader: NodeId;
  followers: NodeId[];
  /** The topology as this leader last heard it (a timeline step may change it). */
  topology: Topology;
  /** Leaders this one sends changes to under that topology. */
  targets: NodeId[];
  /** Home leader per key, for conflict avoidance (a timeline step may re-home a key). */
  homes: Record<string, NodeId>;
  /** Changes this leader originated. */
  counter: number;
  /** Ids of the changes applied here. */
  applied: Record<string, true>;
  /** Per origin, the highest counter up to which every change of that origin is applied. */
  vv: Record<NodeId, number>;
  data: Record<string, KeyState>;
  /** Every change applied here, in the order applied (what a new receiver catches up from). */
  log: Change[];
  /** Received, waiting until its dependencies are applied (causal delivery). */
  waiting: Change[];
  /** Per receiver, the changes not yet acknowledged. */
  outbox: Record<NodeId, OutEntry[]>;
  /**
   * Receivers asked what they hold (a catch-up) and not yet answered, with when they were last
   * asked: the ask is repeated until they answer, as a receiver may be down or cut off.
   */
  catchUpAsked: Record<NodeId, number>;
  /** A topology the operator set while this leader was down: it takes it on restart. */
  pendingTopology: Topology | null;
}

export type Ctx = NodeContext<MultiLeaderConfig, MultiLeaderNode>;
