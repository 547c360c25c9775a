/**
 * Applying inputs: faults (crash, restart, partitions, link changes, clock skew), client
 * operations, new nodes and operator commands, each at its time.
 */
import { clientOp } from './clients';
import { contextFor } from './context';
import { internEndpoint, nodeRuntime } from './endpoints';
import { linkState } from './messaging';
import { deriveStream } from './rng';
import type { NodeRuntime, Simulation } from './state';
import { record } from './trace';
import type { EndpointId, Input, NodeId } from './types';

/** Create node `id` (its name must already be in `core.nodeIds`) and put it in its slot. */
export function addNode<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  id: NodeId,
  joining: boolean,
  args?: Record<string, unknown>,
): NodeRuntime<NS> {
  const { config, protocol, core } = sim;
  const ix = internEndpoint(sim, id);
  const node: NodeRuntime<NS> = {
    id,
    ix,
    up: true,
    bornAtSeq: 0,
    clockSkewMs: config.clockSkewMs?.[id] ?? 0,
    timerGen: {},
    rng: deriveStream(config.seed, `proto:${id}`),
    state: protocol.initNode(id, config.protocol, core.nodeIds, joining, args),
  };
  core.nodes[ix] = node;
  return node;
}

export function applyInput<PC, NS, CS>(sim: Simulation<PC, NS, CS>, input: Input): void {
  const { core, protocol } = sim;
  switch (input.type) {
    case 'crash': {
      const node = requireNode(sim, input.node);
      if (!node.up) return;
      node.up = false;
      node.bornAtSeq = core.seq;
      node.state = protocol.onCrash(node.state, node.id);
      record(sim, { type: 'crash', node: node.id });
      return;
    }
    case 'restart': {
      const node = requireNode(sim, input.node);
      if (node.up) return;
      node.up = true;
      node.bornAtSeq = core.seq;
      record(sim, { type: 'restart', node: node.id });
      protocol.onRestart(contextFor(sim, node));
      return;
    }
    case 'partition':
      record(sim, { type: 'input', name: 'partition', detail: groupsLabel(input.groups) });
      input.groups.forEach((a, i) => {
        input.groups.forEach((b, j) => {
          if (i !== j) setCut(sim, a, b, true);
        });
      });
      return;
    case 'partition-oneway':
      record(sim, { type: 'input', name: 'partition-oneway' });
      setCut(sim, input.from, input.to, true);
      return;
    case 'heal':
      if (input.between !== undefined) {
        const [a, b] = input.between;
        record(sim, { type: 'input', name: 'heal', detail: groupsLabel(input.between) });
        setCut(sim, a, b, false);
        setCut(sim, b, a, false);
        return;
      }
      record(sim, { type: 'input', name: 'heal' });
      for (const row of core.links) for (const link of row) if (link !== null) link.cut = false;
      return;
    case 'set-link': {
      record(sim, { type: 'input', name: 'set-link', node: input.from });
      const change = (from: EndpointId, to: EndpointId) => {
        const link = linkState(sim, from, to);
        link.config = {
          latency: { ...link.config.latency, ...input.latency },
          dropRate: input.dropRate ?? link.config.dropRate,
        };
      };
      change(input.from, input.to);
      if (!input.oneWay) change(input.to, input.from);
      return;
    }
    case 'clock-skew':
      requireNode(sim, input.node).clockSkewMs = input.skewMs;
      record(sim, { type: 'input', name: 'clock-skew', node: input.node, detail: input.skewMs });
      return;
    case 'client-op':
      clientOp(sim, input.client, input.op);
      return;
    case 'add-node': {
      if (nodeRuntime(sim, input.node) !== undefined) return;
      core.nodeIds.push(input.node);
      const node = addNode(sim, input.node, true, input.args);
      record(sim, {
        type: 'input',
        name: 'add-node',
        node: input.node,
        ...(input.args === undefined ? {} : { detail: input.args }),
      });
      protocol.onStart(contextFor(sim, node));
      return;
    }
    case 'command': {
      const node = requireNode(sim, input.node);
      record(sim, { type: 'input', name: input.command, node: node.id });
      if (node.up) protocol.onCommand?.(contextFor(sim, node), input.command, input.args ?? {});
      else if (protocol.onCommandWhileDown !== undefined)
        node.state = protocol.onCommandWhileDown(node.state, input.command, input.args ?? {});
      return;
    }
  }
}

function groupsLabel(groups: EndpointId[][]): string {
  return groups.map((g) => g.join(',')).join(' | ');
}

function setCut<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  from: EndpointId[],
  to: EndpointId[],
  cut: boolean,
) {
  for (const a of from) for (const b of to) linkState(sim, a, b).cut = cut;
}

function requireNode<PC, NS, CS>(sim: Simulation<PC, NS, CS>, id: NodeId): NodeRuntime<NS> {
  const node = nodeRuntime(sim, id);
  if (node === undefined) throw new Error(`unknown node "${id}"`);
  return node;
}
