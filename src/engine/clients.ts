/**
 * Clients as Jepsen processes: one operation outstanding at a time, the rest queued; each
 * operation recorded as an invoke and then ok, fail or info (timed out), with one armed
 * timeout per client.
 */
import { clientContextFor, clientMessage } from './clientContext';
import { clientRuntime } from './endpoints';
import { heapPush } from './eventQueue';
import { appendHistory, FAIL, HISTORY_TYPES, INFO, INVOKE, OK } from './historyLog';
import { endpointOf, sendBetween } from './messaging';
import type { ClientRequest, ClientResult, RoutingView } from './protocol';
import { type ClientRuntime, type PendingOp, type Simulation, timerEvent } from './state';
import { CLIENT, cachedHash, foldEntry } from './traceHash';
import type { ClientId, ClientOp, HistoryOp, Message, NodeId, SimTimeMs, Value } from './types';

function routingView<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  client: ClientRuntime<CS>,
): RoutingView {
  return { now: sim.core.now, nodeIds: sim.core.nodeIds, rng: client.rng };
}

function requireClient<PC, NS, CS>(sim: Simulation<PC, NS, CS>, id: ClientId): ClientRuntime<CS> {
  const client = clientRuntime(sim, id);
  if (client === undefined) throw new Error(`unknown client "${id}"`);
  return client;
}

/** The hashes of the history entry types, by code (`historyLog.ts`): folded, not looked up. */
const TYPE_HASHES = HISTORY_TYPES.map(cachedHash);

/** Append a history entry (this runs twice per client operation). */
function pushHistory<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  type: number,
  pending: PendingOp,
  client: ClientRuntime<CS>,
  value: Value,
  node?: NodeId,
  error?: string,
  meta?: HistoryOp['meta'],
): void {
  const core = sim.core;
  const index = appendHistory(
    sim.logs.history,
    type,
    client.id,
    pending.opId,
    pending.op.f,
    pending.op.key,
    value,
    core.now,
    node,
    error,
    meta,
    core.traceCount++,
  );
  // `foldTrace` for a `client` entry, with the names' hashes known: the type's from a table,
  // the client's from `cachedHash`.
  core.traceHash = foldEntry(
    core.traceHash,
    core.now,
    CLIENT,
    cachedHash(client.id),
    index,
    TYPE_HASHES[type] as number,
    value ?? undefined,
  );
}

/** A client operation, from a script or the user: started now, or queued behind the current one. */
export function clientOp<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  id: ClientId,
  op: ClientOp,
): void {
  startOp(sim, requireClient(sim, id), op);
}

function startOp<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  client: ClientRuntime<CS>,
  op: ClientOp,
): void {
  if (client.current !== null) {
    client.queued.push(op);
    return;
  }
  const coordination = sim.protocol.clientCoordination;
  if (coordination?.coordinates(client.state, op)) {
    startCoordinatedOp(sim, client, op);
    return;
  }
  const pending: PendingOp = {
    opId: sim.core.nextOpId++,
    op,
    target: sim.protocol.routeClientOp(client.state, op, routingView(sim, client)),
    attempt: 0,
    invokedAt: sim.core.now,
    deadline: 0,
  };
  client.current = pending;
  pushHistory(sim, INVOKE, pending, client, op.f === 'write' ? (op.value ?? null) : null);
  sendRequest(sim, client);
}

/** The client coordinates `op` itself: its protocol hook sends the requests. */
function startCoordinatedOp<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  client: ClientRuntime<CS>,
  op: ClientOp,
): void {
  const pending: PendingOp = {
    opId: sim.core.nextOpId++,
    op,
    target: client.id,
    attempt: 0,
    invokedAt: sim.core.now,
    deadline: sim.core.now + sim.config.clientTimeoutMs,
    coordinated: true,
  };
  client.current = pending;
  pushHistory(sim, INVOKE, pending, client, op.f === 'write' ? (op.value ?? null) : null);
  if (client.timeoutAt === null) armTimeout(sim, client, pending.deadline);
  sim.protocol.clientCoordination?.onStart(clientContextFor(sim, client), pending.opId, op);
}

/**
 * A coordinating client finishes operation `opId` (ignored if it is no longer current: the
 * client gave up on it already).
 */
export function completeCoordinatedOp<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  client: ClientRuntime<CS>,
  opId: number,
  result: ClientResult,
  node?: NodeId,
): void {
  const pending = client.current;
  if (pending === null || pending.opId !== opId) return;
  if (result.type === 'ok') {
    const value = pending.op.f === 'read' ? (result.value ?? null) : (pending.op.value ?? null);
    pushHistory(sim, OK, pending, client, value, node, undefined, result.meta);
  } else {
    const error = result.type === 'fail' ? result.error : `unexpected redirect (${result.reason})`;
    const meta = result.type === 'fail' ? result.meta : undefined;
    pushHistory(sim, FAIL, pending, client, pending.op.value ?? null, node, error, meta);
  }
  finishOp(sim, client);
}

function sendRequest<PC, NS, CS>(sim: Simulation<PC, NS, CS>, client: ClientRuntime<CS>): void {
  const pending = client.current;
  if (pending === null) return;
  const request: ClientRequest = {
    client: client.id,
    opId: pending.opId,
    attempt: pending.attempt,
    f: pending.op.f,
    key: pending.op.key,
    value: pending.op.value ?? null,
    session: sim.protocol.sessionFor?.(client.state, pending.op),
  };
  sendBetween(sim, client.ix, endpointOf(sim, pending.target), pending.op.f, request);
  pending.deadline = sim.core.now + sim.config.clientTimeoutMs;
  // One timeout event per client at a time: deadlines only move later, so an armed one fires
  // no later than the current deadline and re-arms itself if that has moved.
  if (client.timeoutAt === null) armTimeout(sim, client, pending.deadline);
}

function armTimeout<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  client: ClientRuntime<CS>,
  at: SimTimeMs,
): void {
  client.timeoutAt = at;
  heapPush(sim.core.queue, timerEvent(sim.core, 'client-timeout', client, at, '', 0, null));
}

/** A node's answer reaching its client. */
export function clientResponse<PC, NS, CS>(sim: Simulation<PC, NS, CS>, msg: Message): void {
  const client = sim.core.clients[msg.dst] ?? null;
  if (client === null) throw new Error(`unknown client "${sim.core.endpointIds[msg.dst]}"`);
  if (msg.kind !== 'response') {
    clientMessage(sim, client, msg);
    return;
  }
  const { opId, attempt, result } = msg.payload as {
    opId: number;
    attempt: number;
    result: ClientResult;
  };
  const pending = client.current;
  // A late answer to an operation the client already gave up on changes nothing.
  if (pending === null || pending.opId !== opId || pending.attempt !== attempt) return;
  sim.protocol.onClientResult(client.state, pending.op, result, msg.from);
  if (result.type === 'redirect' && pending.attempt < sim.config.clientMaxRedirects) {
    pending.attempt++;
    pending.target = result.to;
    sendRequest(sim, client);
    return;
  }
  if (result.type === 'ok') {
    const value = pending.op.f === 'read' ? (result.value ?? null) : (pending.op.value ?? null);
    pushHistory(sim, OK, pending, client, value, msg.from, undefined, result.meta);
  } else {
    const error = result.type === 'fail' ? result.error : `too many redirects (${result.reason})`;
    const meta = result.type === 'fail' ? result.meta : undefined;
    pushHistory(sim, FAIL, pending, client, pending.op.value ?? null, msg.from, error, meta);
  }
  finishOp(sim, client);
}

/** A client's armed timeout fires (endpoint index `ix`): give up on the operation if it is due. */
export function clientTimeout<PC, NS, CS>(sim: Simulation<PC, NS, CS>, ix: number): void {
  const client = sim.core.clients[ix] as ClientRuntime<CS>;
  client.timeoutAt = null;
  const pending = client.current;
  if (pending === null) return;
  if (sim.core.now < pending.deadline) {
    armTimeout(sim, client, pending.deadline);
    return;
  }
  if (pending.coordinated) {
    const error = `no outcome within ${sim.config.clientTimeoutMs} ms`;
    pushHistory(sim, INFO, pending, client, pending.op.value ?? null, undefined, error);
    finishOp(sim, client);
    return;
  }
  const error = `no answer from ${pending.target} within ${sim.config.clientTimeoutMs} ms`;
  pushHistory(sim, INFO, pending, client, pending.op.value ?? null, pending.target, error);
  sim.protocol.onClientTimeout(client.state, pending.target, routingView(sim, client));
  finishOp(sim, client);
}

function finishOp<PC, NS, CS>(sim: Simulation<PC, NS, CS>, client: ClientRuntime<CS>): void {
  client.current = null;
  // A long backlog is consumed from the front: advance a cursor, and compact now and then,
  // rather than shifting the whole array for every operation.
  const next = client.queued[client.queuedHead];
  if (next !== undefined) client.queuedHead++;
  if (client.queuedHead > 64 && client.queuedHead * 2 > client.queued.length) {
    client.queued.splice(0, client.queuedHead);
    client.queuedHead = 0;
  }
  if (next !== undefined) startOp(sim, client, next);
}

/** How many operations a client has waiting behind its current one. */
export function queuedOps(client: ClientRuntime<unknown>): number {
  return client.queued.length - client.queuedHead;
}

/** Does any client still have an operation outstanding or queued? */
export function clientsBusy<PC, NS, CS>(sim: Simulation<PC, NS, CS>): boolean {
  const inputsLeft = sim.inputs.slice(sim.core.inputCursor).some((i) => i.type === 'client-op');
  return (
    inputsLeft ||
    sim.core.clients.some((c) => c !== null && (c.current !== null || queuedOps(c) > 0))
  );
}
