/**
 * Settings of a single-leader cluster. Times are virtual milliseconds. Defaults live in one
 * place, the scenario schema (scenarios/schema.ts).
 */
import type { ClientId, NodeId, ReadTarget } from '../../engine/types';

/** How a follower's acknowledgement gates the client's ok. */
export type FollowerMode = 'sync' | 'async';

/** Where a client sends its reads. */
export type ReadRouting = ReadTarget;

export interface SingleLeaderConfig {
  /** The leader at time 0. */
  leader: NodeId;
  /** The failover controller, or null for no automatic failover. */
  monitor: NodeId | null;
  /**
   * Mode per replica when it is a follower (the first leader may be listed too, for after a
   * failover); replicas not listed are asynchronous.
   */
  followers: Record<NodeId, FollowerMode>;
  /** Keep exactly one synchronous follower, replacing it when it stops acknowledging. */
  semiSync: boolean;
  /** Leader → followers heartbeats, and monitor → replicas pings. */
  heartbeatIntervalMs: number;
  /** The monitor declares the leader dead after hearing nothing for this long. */
  failureTimeoutMs: number;
  /** How long the monitor collects followers' log positions before choosing. */
  electionWaitMs: number;
  /** Fencing: a leader takes writes only while its lease from the monitor holds. */
  fencing: boolean;
  leaseMs: number;
  /** Semi-sync: replace the synchronous follower when it has not acknowledged for this long. */
  syncAckTimeoutMs: number;
  /** Entries per catch-up message. */
  catchUpBatch: number;
  /** Read routing for every client, unless overridden per client. */
  reads: ReadRouting;
  clientReads?: Record<ClientId, ReadRouting>;
}
