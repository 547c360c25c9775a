/**
 * The client side: each client is served by the leader of its nearest datacenter; when that
 * leader does not answer, it tries the next datacenter's for a while (users rerouted to another
 * datacenter during an outage). A read may name the replica it goes to (a follower, say).
 */
import type { ClientResult, RoutingView } from '../../engine/protocol';
import type { ClientId, ClientOp, NodeId } from '../../engine/types';
import type { MultiLeaderConfig } from './config';

export interface MultiLeaderClient {
  id: ClientId;
  /** Leaders by distance: the client's own datacenter first, then the others in order. */
  leaders: NodeId[];
  avoidMs: number;
  /** Leaders it timed out on, and until when it routes around them. */
  avoid: Record<NodeId, number>;
}

export function initClient(id: ClientId, config: MultiLeaderConfig): MultiLeaderClient {
  const own = config.datacenters.filter((dc) => dc.clients.includes(id));
  const rest = config.datacenters.filter((dc) => !dc.clients.includes(id));
  return {
    id,
    leaders: [...own, ...rest].map((dc) => dc.leader),
    avoidMs: config.clientAvoidMs,
    avoid: {},
  };
}

export function routeOp(client: MultiLeaderClient, op: ClientOp, view: RoutingView): NodeId {
  if (op.f === 'read' && typeof op.readFrom === 'object') return op.readFrom.replica;
  const usable = client.leaders.find((l) => (client.avoid[l] ?? -1) <= view.now);
  return usable ?? (client.leaders[0] as NodeId);
}

export function learn(client: MultiLeaderClient, result: ClientResult, from: NodeId): void {
  if (result.type === 'ok') delete client.avoid[from];
}

export function afterTimeout(client: MultiLeaderClient, target: NodeId, view: RoutingView) {
  client.avoid[target] = view.now + client.avoidMs;
}
