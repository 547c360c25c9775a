/** One node as every view draws it, whatever the replication family. */
import type { NodeId, Value } from '../engine/types';
import type { NodeDepthView } from './depthView';

export interface NodeView {
  id: NodeId;
  isMonitor: boolean;
  up: boolean;
  /** `leader` / `follower` (single- and multi-leader), `replica` (leaderless), `monitor`. */
  role: string;
  lifecycle: string;
  epoch: number;
  leaderId: NodeId | null;
  lastPos: number;
  /**
   * What the node holds, for its centre and its name: a figure with a one-word caption ("12"
   * over "log") and the same in words ("log position 12"); null for a node that holds no data.
   */
  holding: { figure: number; caption: string; words: string } | null;
  /** Log positions behind the leader it follows (0 for leaders and the monitor). */
  lagPositions: number;
  /**
   * Simulated ms behind: how long ago the leader appended the oldest entry this follower lacks
   * (0 when not behind; null when that entry is only in the leader's snapshot).
   */
  lagMs: number | null;
  /** `sync` / `async` for followers in the current leader's eyes; null otherwise. */
  mode: 'sync' | 'async' | null;
  data: Record<string, Value>;
  /** Statechart state, as a label. */
  chart: string;
  /** How far the node's local clock runs ahead (negative: behind) of true time. */
  clockSkewMs: number;
  /** Single-leader in depth: bootstrapping, cascading and write barrier (see depthView.ts). */
  depth: NodeDepthView;
  /**
   * Leaderless: the home replicas this node stands in for, holding their writes as hints until
   * it can hand them over (hinted handoff); absent or empty otherwise.
   */
  parkedFor?: NodeId[];
  /** Multi-leader: the datacenter the node is in. */
  datacenter?: string;
}
