/**
 * Partitioned data (sharding), kept within the single-leader family: the keys are split into
 * partitions, and each partition is its own replica group with its own leader, followers and
 * log (so its own replication lag). A node belongs to exactly one partition; a client sends an
 * operation to the group of the key's partition. Without partitions the whole cluster is one
 * group, named `''`.
 */
import type { NodeId } from '../../engine/types';

/** Where keys and nodes belong; plain data, compiled from the scenario. */
export interface Partitioning {
  /** Partition ids, in order: keys not placed explicitly are hashed over this list. */
  ids: string[];
  /** Node → its partition. */
  nodePartition: Record<NodeId, string>;
  /** Partition → its leader at time 0. */
  leaders: Record<string, NodeId>;
  /** Key → partition, for keys placed explicitly. */
  keyPartition: Record<string, string>;
}

/** The group name of an unpartitioned cluster. */
export const WHOLE = '';

/** A small stable string hash (FNV-1a), for placing keys and pinning users to replicas. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The partition that holds `key`. */
export function partitionOfKey(p: Partitioning | undefined, key: string): string {
  if (p === undefined) return WHOLE;
  return p.keyPartition[key] ?? (p.ids[stableHash(key) % p.ids.length] as string);
}

export function partitionOfNode(p: Partitioning | undefined, node: NodeId): string {
  return p === undefined ? WHOLE : (p.nodePartition[node] ?? WHOLE);
}

/** Do two nodes replicate the same data? */
export function sameGroup(p: Partitioning | undefined, a: NodeId, b: NodeId): boolean {
  return p === undefined || p.nodePartition[a] === p.nodePartition[b];
}

/** The replicas of one partition, in cluster order. */
export function groupMembers(
  p: Partitioning | undefined,
  partition: string,
  replicas: readonly NodeId[],
): NodeId[] {
  return p === undefined
    ? [...replicas]
    : replicas.filter((id) => p.nodePartition[id] === partition);
}
