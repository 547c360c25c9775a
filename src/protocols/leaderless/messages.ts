/**
 * Messages between leaderless nodes. Kinds: `put` / `put-ack` and `get` / `get-reply` (a
 * coordinator's fan-out), `read-repair`, `handoff` / `handoff-ack` (hinted handoff), and
 * `ae-tree` / `ae-diff` / `ae-push` (anti-entropy), each its own kind so the views can colour them.
 */
import type { NodeId } from '../../engine/types';
import type { MerkleTree } from './merkle';
import type { Versioned } from './versioned';

export interface Put {
  op: number;
  key: string;
  obj: Versioned;
  /** Set when the receiver stands in for this unreachable home replica. */
  hintFor: NodeId | null;
  /** Set by a coordinating client: answer with the copy the replica holds after the write. */
  wantCopy?: true;
}
export interface PutAck {
  op: number;
  /** The replica's copy after the write, when the put asked for it. */
  obj?: Versioned;
}
export interface Get {
  op: number;
  key: string;
}
export interface GetReply {
  op: number;
  obj: Versioned | null;
}
export interface ReadRepair {
  key: string;
  obj: Versioned;
}
export interface Handoff {
  key: string;
  obj: Versioned;
}
export interface HandoffAck {
  key: string;
}
/** An operator restores the receiver's data from this node's (e.g. from a backup replica). */
export interface RestoreData {
  data: Record<string, Versioned>;
}
export interface AeTree {
  tree: MerkleTree;
}
export interface AeDiff {
  leaves: number[];
  objects: Record<string, Versioned>;
}
export interface AePush {
  objects: Record<string, Versioned>;
}
