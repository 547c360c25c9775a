/**
 * Endpoints by index. Every node and client (and any name a fault mentions before its node
 * exists) gets a small integer when first met; nodes, clients and links are arrays indexed by
 * it, so the per-message path does no string-keyed look-ups. Upper layers keep using names
 * through the accessors here.
 */
import type { ClientRuntime, NodeRuntime, Simulation } from './state';
import type { ClientId, EndpointId, NodeId } from './types';

/** The index of endpoint `id`, giving it the next one if it has none yet. */
export function internEndpoint<PC, NS, CS>(sim: Simulation<PC, NS, CS>, id: EndpointId): number {
  const { core } = sim;
  const known = core.endpointIndex.get(id);
  if (known !== undefined) return known;
  const ix = core.endpointIds.length;
  core.endpointIds.push(id);
  core.endpointIndex.set(id, ix);
  sim.logs.messages.endpointIds[ix] = id;
  core.nodes.push(null);
  core.clients.push(null);
  // Links stay a dense square: one more column in every row, and a row for the newcomer.
  for (const row of core.links) row.push(null);
  core.links.push(new Array<null>(ix + 1).fill(null));
  return ix;
}

/** The runtime of node `id`, or undefined if there is no such node. */
export function nodeRuntime<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  id: NodeId,
): NodeRuntime<NS> | undefined {
  const ix = sim.core.endpointIndex.get(id);
  return (ix === undefined ? null : sim.core.nodes[ix]) ?? undefined;
}

/** The runtime of client `id`, or undefined if there is no such client. */
export function clientRuntime<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  id: ClientId,
): ClientRuntime<CS> | undefined {
  const ix = sim.core.endpointIndex.get(id);
  return (ix === undefined ? null : sim.core.clients[ix]) ?? undefined;
}

/** Every node's runtime, in creation order (the order of `core.nodeIds`). */
export function nodeRuntimes<PC, NS, CS>(sim: Simulation<PC, NS, CS>): NodeRuntime<NS>[] {
  return sim.core.nodeIds.map((id) => nodeRuntime(sim, id) as NodeRuntime<NS>);
}

/** Every client's runtime, in the order the configuration lists them. */
export function clientRuntimes<PC, NS, CS>(sim: Simulation<PC, NS, CS>): ClientRuntime<CS>[] {
  return sim.core.clients.filter((c): c is ClientRuntime<CS> => c !== null);
}
