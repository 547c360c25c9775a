/**
 * Settings of a leaderless (Dynamo-style) cluster. Times are virtual milliseconds. Defaults live
 * in the scenario schema (scenarios/leaderlessSchema.ts); the quorum rules live here so that any
 * caller (scenario files, the UI) gets the same messages.
 */
import type { ClientId, NodeId } from '../../engine/types';
import type { ConflictMode } from './versioned';

/**
 * Who coordinates a client's operation. A node the client sends it to: `preferred`, the first
 * replica of the key's preference list the client has not recently timed out on; `any`, a node
 * chosen at random; `{ node }`, always that node. Or `client`: the client fans the operation out
 * to the replicas itself (Voldemort's, or the Riak client library's, routing).
 */
export type CoordinatorChoice = 'preferred' | 'any' | 'client' | { node: NodeId };

/** `register`: a write replaces the value. `set`: a write adds an item (`-item` removes it). */
export type ValueKind = 'register' | 'set';

export interface LeaderlessConfig {
  /** Replicas per key. */
  n: number;
  /** Acknowledgements a write waits for. */
  w: number;
  /** Replies a read waits for. */
  r: number;
  /** Tokens per node on the hash ring. */
  vnodes: number;
  coordinator: CoordinatorChoice;
  clientCoordinators?: Record<ClientId, CoordinatorChoice>;
  conflicts: ConflictMode;
  values: ValueKind;
  readRepair: boolean;
  /** 0 turns anti-entropy off. */
  antiEntropyIntervalMs: number;
  /** Leaves of each Merkle tree: key ranges compared at once. */
  merkleLeaves: number;
  sloppyQuorum: boolean;
  hintedHandoffIntervalMs: number;
  /** A coordinator gives up on a replica that has not answered within this long. */
  replicaTimeoutMs: number;
  /** After timing out on a node, a client routes around it for this long. */
  clientAvoidMs: number;
}

/** Quorum settings that cannot work, as `field: message` lines (empty when fine). */
export function quorumErrors(
  q: { n: number; w: number; r: number },
  nodeCount: number,
  path = 'cluster',
): string[] {
  const errors: string[] = [];
  for (const field of ['n', 'w', 'r'] as const) {
    if (!Number.isInteger(q[field]) || q[field] < 1)
      errors.push(`${path}.${field}: must be a whole number of at least 1`);
  }
  if (errors.length > 0) return errors;
  if (q.n > nodeCount)
    errors.push(
      `${path}.n: ${q.n} replicas per key needs at least ${q.n} nodes, but the cluster has ${nodeCount}`,
    );
  if (q.w > q.n)
    errors.push(`${path}.w: a write cannot wait for ${q.w} acknowledgements from ${q.n} replicas`);
  if (q.r > q.n)
    errors.push(`${path}.r: a read cannot wait for ${q.r} replies from ${q.n} replicas`);
  return errors;
}
