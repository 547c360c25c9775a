/**
 * The inspector's node and client details for leaderless replication: each copy the node holds
 * with its version vector and siblings, the hints it keeps for unreachable home replicas, and how
 * a client picks the coordinator of its operations.
 */
import { nodeRuntime } from '../../engine/endpoints';
import type { NodeId } from '../../engine/types';
import type { LeaderlessClient } from '../../protocols/leaderless/client';
import { type LeaderlessSim, leaderlessReplicaViews } from '../../protocols/leaderless/outcome';
import type { ClientRouting, NodeInspection } from '../inspect';

export function inspectLeaderlessNode(sim: LeaderlessSim, id: NodeId): NodeInspection | null {
  const runtime = nodeRuntime(sim, id);
  if (runtime === undefined) return null;
  const view = leaderlessReplicaViews(sim)[id];
  const copies = Object.entries(view?.data ?? {}).map(([key, copy]) => ({ key, ...copy }));
  const hints = Object.values(runtime.state.hints).map(({ home, key, storedAt }) => ({
    home,
    key,
    storedAt,
  }));
  return { kind: 'node', id, log: [], snapshotPos: 0, marker: null, followers: [], copies, hints };
}

export function leaderlessClientRouting(client: LeaderlessClient): ClientRouting {
  const choice = client.coordinator;
  const reads =
    typeof choice === 'object'
      ? `coordinator ${choice.node}`
      : choice === 'any'
        ? 'any node coordinates'
        : "the key's first reachable home replica coordinates";
  return { leaderHint: null, reads };
}
