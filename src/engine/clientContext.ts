/**
 * What a coordinating client's hooks see (`Protocol.clientCoordination`): one reusable context
 * per simulation, re-aimed at the client being handled, through which it sends to nodes, sets its
 * own timers, completes its operation and records events. The client's messages and timers go
 * through the same network, queue and trace as a node's.
 */
import { completeCoordinatedOp } from './clients';
import { heapPush } from './eventQueue';
import { endpointOf, sendBetween } from './messaging';
import type { ClientContext, ClientResult } from './protocol';
import { type ClientRuntime, type Simulation, timerEvent } from './state';
import { trace } from './trace';
import type { ClientId, Message, NodeId } from './types';

class CoordinatingClient<PC, NS, CS> implements ClientContext<PC, CS> {
  self: ClientId = '';
  client!: ClientRuntime<CS>;
  constructor(readonly sim: Simulation<PC, NS, CS>) {}
  get now() {
    return this.sim.core.now;
  }
  get state() {
    return this.client.state;
  }
  get config() {
    return this.sim.config.protocol;
  }
  get nodeIds() {
    return this.sim.core.nodeIds;
  }
  send(to: NodeId, kind: string, payload: unknown) {
    return sendBetween(this.sim, this.client.ix, endpointOf(this.sim, to), kind, payload);
  }
  setTimer(name: string, delayMs: number, data?: unknown) {
    const { core } = this.sim;
    const client = this.client;
    client.timerGen ??= {};
    const gen = (client.timerGen[name] ?? 0) + 1;
    client.timerGen[name] = gen;
    const at = core.now + Math.max(0, Math.round(delayMs));
    heapPush(core.queue, timerEvent(core, 'client-timer', client, at, name, gen, data));
  }
  cancelTimer(name: string) {
    const client = this.client;
    client.timerGen ??= {};
    client.timerGen[name] = (client.timerGen[name] ?? 0) + 1;
  }
  complete(opId: number, result: ClientResult, node?: NodeId) {
    completeCoordinatedOp(this.sim, this.client, opId, result, node);
  }
  emit(name: string, detail?: unknown) {
    trace(this.sim, 'protocol', this.self, undefined, name, detail);
  }
}

const contexts = new WeakMap<object, CoordinatingClient<never, never, never>>();

/** The simulation's client context, aimed at `client` for one hook call. */
export function clientContextFor<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  client: ClientRuntime<CS>,
): ClientContext<PC, CS> {
  let ctx = contexts.get(sim) as CoordinatingClient<PC, NS, CS> | undefined;
  if (ctx === undefined) {
    ctx = new CoordinatingClient(sim);
    contexts.set(sim, ctx as unknown as CoordinatingClient<never, never, never>);
  }
  ctx.self = client.id;
  ctx.client = client;
  return ctx;
}

/** A node's message to a client other than an answer to its request: the coordination hook's. */
export function clientMessage<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  client: ClientRuntime<CS>,
  msg: Message,
): void {
  const hooks = sim.protocol.clientCoordination;
  if (hooks !== undefined) hooks.onMessage(clientContextFor(sim, client), msg);
}

/** A coordinating client's timer fires (endpoint index `ix`), unless re-armed or cancelled since. */
export function clientTimer<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  ix: number,
  name: string,
  gen: number,
  data: unknown,
): void {
  const client = sim.core.clients[ix] as ClientRuntime<CS>;
  if (client.timerGen?.[name] !== gen) return;
  trace(sim, 'timer', client.id, undefined, name);
  sim.protocol.clientCoordination?.onTimer(clientContextFor(sim, client), name, data);
}

/** Is a message from a client its operation's request (rather than a coordinating client's)? */
export function isClientRequest(msg: Message): boolean {
  return msg.kind === 'read' || msg.kind === 'write';
}
