/**
 * Messages on the simulated network: putting one on the wire (latency, FIFO order, the drop
 * draw), and deciding its fate when it arrives. Link state is created on first use.
 */
import { heapPush } from './eventQueue';
import { pushMessage } from './messageLog';
import {
  arrivalFailure,
  configuredLink,
  drawUnlucky,
  newLinkState,
  scheduleDelivery,
} from './network';
import type { LinkState, NodeRuntime, Simulation } from './state';
import { foldMessage } from './traceHash';
import type { EndpointId, LinkConfig, Message } from './types';

/** The runtime state of the link `from -> to`, created on first use. */
export function linkState<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  from: EndpointId,
  to: EndpointId,
): LinkState {
  let row = sim.core.links[from];
  if (row === undefined) {
    row = {};
    sim.core.links[from] = row;
  }
  let link = row[to];
  if (link === undefined) {
    link = newLinkState(sim.config.network, sim.config.seed, from, to);
    row[to] = link;
  }
  return link;
}

/**
 * How the link `from -> to` is now (its configuration and whether it is cut), without creating
 * its runtime state: views read links they may never have used.
 */
export function linkStatus<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  from: EndpointId,
  to: EndpointId,
): { config: LinkConfig; cut: boolean } {
  const link = sim.core.links[from]?.[to];
  return link ?? { config: configuredLink(sim.config.network, from, to), cut: false };
}

function incarnationOf<PC, NS, CS>(sim: Simulation<PC, NS, CS>, id: EndpointId): number {
  return sim.core.nodes[id]?.incarnation ?? 0;
}

/** Fold a message's send or fate into the hash and hand out its trace id; nothing is stored. */
function traceMessage<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  type: 'send' | 'deliver' | 'drop',
  msg: number,
  name: string,
): number {
  const core = sim.core;
  core.traceHash = foldMessage(core.traceHash, core.now, type, msg, name);
  return core.traceCount++;
}

/** Put a message on the wire. */
export function sendMessage<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  from: EndpointId,
  to: EndpointId,
  kind: string,
  payload: unknown,
  fromIncarnation: number = incarnationOf(sim, from),
): number {
  const { core } = sim;
  const link = linkState(sim, from, to);
  const deliverAt = scheduleDelivery(link, core.now);
  const msg: Message = {
    type: 'deliver',
    t: deliverAt,
    seq: core.seq++,
    id: core.nextMessageId++,
    kind,
    from,
    to,
    payload,
    sentAt: core.now,
    deliverAt,
    fate: 'in-flight',
    toIncarnation: incarnationOf(sim, to),
    fromIncarnation,
    unlucky: drawUnlucky(link),
    dropReason: undefined,
    sendTraceId: 0,
    fateTraceId: -1,
  };
  heapPush(core.queue, msg);
  msg.sendTraceId = traceMessage(sim, 'send', msg.id, kind);
  return msg.id;
}

/** Who a delivered message is for: a client, a node (as a client request), or a node (peer). */
export type Arrival<NS> =
  | { kind: 'client' }
  | { kind: 'request'; node: NodeRuntime<NS> }
  | { kind: 'peer'; node: NodeRuntime<NS> };

/**
 * Decide a message's fate now that its time has come, and record it. Returns who should handle
 * it, or null if it did not arrive.
 */
export function deliver<PC, NS, CS>(sim: Simulation<PC, NS, CS>, msg: Message): Arrival<NS> | null {
  const { core } = sim;
  const node = core.nodes[msg.to];
  const sender = core.nodes[msg.from];
  const isClient = node === undefined;
  const failure = arrivalFailure(
    linkState(sim, msg.from, msg.to),
    msg.unlucky,
    isClient || node.up,
    (isClient || node.incarnation === msg.toIncarnation) &&
      (sender?.incarnation ?? 0) === msg.fromIncarnation,
  );
  if (failure !== null) {
    msg.fate = failure === 'crash' ? 'lost' : 'dropped';
    msg.dropReason = failure;
    msg.fateTraceId = traceMessage(sim, 'drop', msg.id, failure);
    pushMessage(sim.logs.messages, msg);
    return null;
  }
  msg.fate = 'delivered';
  msg.fateTraceId = traceMessage(sim, 'deliver', msg.id, msg.kind);
  pushMessage(sim.logs.messages, msg);
  if (isClient) return CLIENT;
  // From an endpoint that is not a node: a client's request.
  return sender === undefined ? { kind: 'request', node } : { kind: 'peer', node };
}

const CLIENT = { kind: 'client' } as const;

/** Messages on the wire now, in id order (read from the queue: no second index to keep). */
export function messagesInFlight<PC, NS, CS>(sim: Simulation<PC, NS, CS>): Message[] {
  const out: Message[] = [];
  for (const event of sim.core.queue) if (event.type === 'deliver') out.push(event);
  return out.sort((a, b) => a.id - b.id);
}
