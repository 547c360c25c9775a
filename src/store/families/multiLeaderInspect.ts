/**
 * The inspector's node and client details for multi-leader replication: the node's queues (what
 * it owes each receiver, what waits for its dependencies, which leaders it sends to), and where a
 * client's operations go (the nearest datacenter's leader, or the next one after a timeout).
 */
import { nodeRuntime } from '../../engine/endpoints';
import type { NodeId } from '../../engine/types';
import type { MultiLeaderClient } from '../../protocols/multi-leader/client';
import { leadersOf, topologyTargets } from '../../protocols/multi-leader/config';
import type { MultiLeaderSim } from '../../protocols/multi-leader/outcome';
import type { ClientRouting, NodeInspection } from '../inspect';

export function inspectMultiLeaderNode(sim: MultiLeaderSim, id: NodeId): NodeInspection | null {
  const runtime = nodeRuntime(sim, id);
  if (runtime === undefined) return null;
  const s = runtime.state;
  const owed = Object.keys(s.outbox)
    .sort()
    .map((to) => ({ to, count: s.outbox[to]?.length ?? 0 }))
    .filter((o) => o.count > 0);
  return {
    kind: 'node',
    id,
    log: [],
    snapshotPos: 0,
    marker: null,
    followers: [],
    copies: [],
    hints: [],
    queues: {
      datacenter: s.dc,
      sendsTo: [...s.targets, ...s.followers],
      owed,
      waiting: s.waiting.map((c) => c.id),
      applied: Object.keys(s.applied).length,
      onRestartSendsTo:
        s.pendingTopology === null
          ? null
          : topologyTargets(s.pendingTopology, leadersOf(sim.config.protocol), id),
    },
  };
}

export function multiLeaderClientRouting(client: MultiLeaderClient): ClientRouting {
  const [nearest] = client.leaders;
  return {
    leaderHint: nearest ?? null,
    reads: `the nearest datacenter's leader (${client.leaders.join(', then ')})`,
  };
}
