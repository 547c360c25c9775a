/**
 * Messages between single-leader nodes. Every message that a leader or the monitor sends carries
 * its epoch, so a node can tell a stale leader from the current one.
 */
import type { NodeId, Value } from '../../engine/types';
import type { EpochRanges, LogEntry } from './log';

export interface Replicate {
  epoch: number;
  leader: NodeId;
  prevPos: number;
  prevEpoch: number;
  entries: LogEntry[];
}
export interface Heartbeat {
  epoch: number;
  leader: NodeId;
  lastPos: number;
  /**
   * To a cascaded follower only: the follower it replicates from, as the leader knows it (a
   * follower that was down when the upstream changed learns it here).
   */
  upstream?: NodeId;
}
export interface Ack {
  epoch: number;
  pos: number;
}
export interface Fetch {
  ranges: EpochRanges;
  lastPos: number;
}
export interface CatchUp {
  epoch: number;
  leader: NodeId;
  /** Positions after this one on the follower disagree with the leader and are discarded. */
  truncateTo: number;
  entries: LogEntry[];
  leaderLastPos: number;
}
export interface SnapshotMsg {
  epoch: number;
  leader: NodeId;
  pos: number;
  lastEpoch: number;
  data: Record<string, Value>;
}
/** "I am not the leader you want": who leads, as far as the sender knows. */
export interface LeaderInfo {
  epoch: number;
  leader: NodeId | null;
}
export interface Ping {
  epoch: number;
  /** The leader whose lease this ping renews; null while a failover is under way. */
  leader: NodeId | null;
  /** The monitor's local time at sending: the lease runs from here. */
  sentAtLocal: number;
}
export interface Pong {
  epoch: number;
  role: 'leader' | 'follower';
  lastPos: number;
  lastEpoch: number;
}
export interface Position {
  lastPos: number;
  lastEpoch: number;
}
export interface Promote {
  epoch: number;
  sentAtLocal: number;
}
