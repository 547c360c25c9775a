/**
 * Messages on the simulated network: putting one on the wire (latency, FIFO order, the drop
 * draw), and deciding its fate when it arrives. Link state is created on first use.
 */
import { internEndpoint } from './endpoints';
import { heapPush } from './eventQueue';
import { KindCodes, kindHash } from './kinds';
import {
  DELIVERED,
  DROPPED_LOSS,
  DROPPED_PARTITION,
  LOST,
  logMessage,
  type MessageRecord,
} from './messageLog';
import {
  arrivalFailure,
  configuredLink,
  drawUnlucky,
  newLinkState,
  scheduleDelivery,
} from './network';
import type { LinkState, NodeRuntime, Simulation } from './state';
import { cachedHash, DELIVER, DROP, foldMessage, SEND } from './traceHash';
import type { DropReason, EndpointId, LinkConfig, Message } from './types';

/**
 * The index `endpointOf` found last. Clients send their requests to the same leader one after
 * another, so the next look-up is often for the same name (see `endpointNear`).
 */
let lastEndpoint = 0;

/** The endpoint index of `id`, for sending to it (an unknown name gets an index, as a link to nowhere). */
export function endpointOf<PC, NS, CS>(sim: Simulation<PC, NS, CS>, id: EndpointId): number {
  const ix = endpointNear(sim, id, lastEndpoint);
  lastEndpoint = ix;
  return ix;
}

/**
 * `endpointOf`, trying first the index `guess` and the one after it: a caller that keeps its
 * own last index hits without a Map look-up when it sends to one endpoint repeatedly (a
 * follower's acks) or to each in turn (a leader's followers, interned in order). A guess is
 * checked against the simulation's own names, so it is only ever a shortcut, never state.
 */
export function endpointNear<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  id: EndpointId,
  guess: number,
): number {
  const { core } = sim;
  const { endpointIds } = core;
  if (endpointIds[guess] === id) return guess;
  if (endpointIds[guess + 1] === id) return guess + 1;
  return core.endpointIndex.get(id) ?? internEndpoint(sim, id);
}

/** The runtime state of the link `src -> dst` (endpoint indices), created on first use. */
function linkBetween<PC, NS, CS>(sim: Simulation<PC, NS, CS>, src: number, dst: number): LinkState {
  const { core } = sim;
  const row = core.links[src] as Array<LinkState | null>;
  let link = row[dst] as LinkState | null;
  if (link === null) {
    const { endpointIds } = core;
    const from = endpointIds[src] as EndpointId;
    link = newLinkState(sim.config.network, sim.config.seed, from, endpointIds[dst] as EndpointId);
    row[dst] = link;
  }
  return link;
}

/** The runtime state of the link `from -> to`, created on first use. */
export function linkState<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  from: EndpointId,
  to: EndpointId,
): LinkState {
  return linkBetween(sim, endpointOf(sim, from), endpointOf(sim, to));
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
  const { endpointIndex, links } = sim.core;
  const src = endpointIndex.get(from);
  const dst = endpointIndex.get(to);
  const link = src === undefined || dst === undefined ? null : links[src]?.[dst];
  return link ?? { config: configuredLink(sim.config.network, from, to), cut: false };
}

/**
 * Fold a message's send or fate (`SEND`, `DELIVER`, `DROP`) into the hash and hand out its trace
 * id; nothing is stored.
 */
function traceMessage<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  typeCode: number,
  msg: number,
  nameHash: number,
): number {
  const core = sim.core;
  core.traceHash = foldMessage(core.traceHash, core.now, typeCode, msg, nameHash);
  return core.traceCount++;
}

/** Put a message on the wire. */
export function sendMessage<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  from: EndpointId,
  to: EndpointId,
  kind: string,
  payload: unknown,
): number {
  return sendBetween(sim, endpointOf(sim, from), endpointOf(sim, to), kind, payload);
}

/** The kinds sent through `sendBetween`: the clients' requests, mostly. */
const sentKinds = new KindCodes();

/** `sendMessage` between endpoint indices. */
export function sendBetween<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  src: number,
  dst: number,
  kind: string,
  payload: unknown,
): number {
  return sendCoded(sim, src, dst, kind, sentKinds.codeOf(kind), payload);
}

/** `sendBetween` with the kind's code (`kindCode(kind)`) known: the hot path. */
export function sendCoded<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  src: number,
  dst: number,
  kind: string,
  code: number,
  payload: unknown,
): number {
  const { core } = sim;
  const link = linkBetween(sim, src, dst);
  const deliverAt = scheduleDelivery(link, core.now);
  // `t` and `seq` first, as in every other queue event: the heap compares events of all kinds,
  // and with the two keys at the same offsets in each its loads stay one shape-checked access.
  const msg: Message = {
    t: deliverAt,
    seq: core.seq++,
    type: 'deliver',
    id: core.nextMessageId++,
    kind,
    kindCode: code,
    from: core.endpointIds[src] as EndpointId,
    src,
    dst,
    payload,
    sentAt: core.now,
    unlucky: drawUnlucky(link),
    sendTraceId: 0,
  };
  heapPush(core.queue, msg);
  msg.sendTraceId = traceMessage(sim, SEND, msg.id, kindHash(code));
  return msg.id;
}

/** Decide a message's fate now that its time has come, and record it. Returns whether it arrived. */
export function deliver<PC, NS, CS>(sim: Simulation<PC, NS, CS>, msg: Message): boolean {
  const { core } = sim;
  const node = core.nodes[msg.dst] as NodeRuntime<NS> | null;
  const sender = core.nodes[msg.src] as NodeRuntime<NS> | null;
  const isClient = node === null;
  const failure = arrivalFailure(
    linkBetween(sim, msg.src, msg.dst),
    msg.unlucky,
    isClient || node.up,
    // Sent in the current lives of both ends: neither has crashed or restarted since (its
    // sequence number is below the one each end's current life began at otherwise).
    (isClient || node.bornAtSeq <= msg.seq) && (sender?.bornAtSeq ?? 0) <= msg.seq,
  );
  if (failure !== null) {
    const fateTraceId = traceMessage(sim, DROP, msg.id, cachedHash(failure));
    logMessage(sim.logs.messages, msg, DROP_CODES[failure], fateTraceId);
    return false;
  }
  const fateTraceId = traceMessage(sim, DELIVER, msg.id, kindHash(msg.kindCode));
  logMessage(sim.logs.messages, msg, DELIVERED, fateTraceId);
  return true;
}

/** The message log's fate code for each reason a message does not arrive. */
const DROP_CODES: Record<DropReason, number> = {
  partition: DROPPED_PARTITION,
  loss: DROPPED_LOSS,
  crash: LOST,
};

/**
 * A message in flight described as a record: what views and the trace read. `endpointIds` is
 * the simulation's (`SimCore.endpointIds`), which names the receiver.
 */
export function inFlightRecord(msg: Message, endpointIds: readonly EndpointId[]): MessageRecord {
  return {
    id: msg.id,
    kind: msg.kind,
    kindCode: msg.kindCode,
    from: msg.from,
    to: endpointIds[msg.dst] as EndpointId,
    src: msg.src,
    dst: msg.dst,
    payload: msg.payload,
    sentAt: msg.sentAt,
    deliverAt: msg.t,
    fate: 'in-flight',
    sendTraceId: msg.sendTraceId,
    fateTraceId: -1,
  };
}

/** Messages on the wire now, in id order (read from the queue: no second index to keep). */
export function messagesInFlight<PC, NS, CS>(sim: Simulation<PC, NS, CS>): MessageRecord[] {
  const out: MessageRecord[] = [];
  for (const event of sim.core.queue)
    if (event.type === 'deliver') out.push(inFlightRecord(event, sim.core.endpointIds));
  return out.sort((a, b) => a.id - b.id);
}
