/**
 * The discrete-event core: a virtual clock, an event queue ordered by (time, sequence), seeded
 * streams, nodes, clients and a network. `(config, protocol, inputs)` fully determine a run:
 * stepping it twice from the same start gives the same trace, bit for bit.
 */
import { heapPeek, heapPop, heapPush } from './eventQueue';
import {
  emptyMessageLog,
  finishedMessages,
  type MessageRecord,
  pushMessage,
  truncateMessages,
} from './messageLog';
import type { NetworkConfig } from './network';
import { arrivalFailure, drawUnlucky, newLinkState, scheduleDelivery } from './network';
import type { ClientRequest, ClientResult, NodeContext, Protocol, RoutingView } from './protocol';
import { deriveStream, nextFloat, type RngStream } from './rng';
import type {
  Checkpoint,
  ClientRuntime,
  LinkState,
  NodeRuntime,
  PendingOp,
  SimCore,
  SimEvent,
  SimLogs,
} from './state';
import { sortInputs } from './state';
import { EMPTY_TRACE_HASH, foldMessage, foldTrace, foldTraceEvent } from './traceHash';
import type {
  ClientId,
  ClientOp,
  EndpointId,
  HistoryOp,
  Input,
  Message,
  NodeId,
  SimTimeMs,
  TraceEvent,
} from './types';

/** Everything that fixes a run apart from the user's inputs. */
export interface SimConfig<PC> {
  seed: number;
  nodes: NodeId[];
  clients: ClientId[];
  network: NetworkConfig;
  /** Local clock offset per node. */
  clockSkewMs?: Record<NodeId, number>;
  /** A client gives up on an operation after this long and records it as indeterminate. */
  clientTimeoutMs: number;
  /** How many redirects a client follows before failing the operation. */
  clientMaxRedirects: number;
  protocol: PC;
}

/** A running simulation: plain-data state plus the code (protocol) that drives it. */
export interface Simulation<PC, NS, CS> {
  readonly config: SimConfig<PC>;
  readonly protocol: Protocol<PC, NS, CS>;
  /** Inputs sorted by time; new ones are inserted in order. */
  inputs: Input[];
  core: SimCore<NS, CS>;
  logs: SimLogs;
}

/** Create a simulation at time 0, with every configured node started. */
export function createSimulation<PC, NS, CS>(
  config: SimConfig<PC>,
  protocol: Protocol<PC, NS, CS>,
  inputs: readonly Input[] = [],
): Simulation<PC, NS, CS> {
  const core: SimCore<NS, CS> = {
    now: 0,
    seq: 0,
    eventsProcessed: 0,
    inputCursor: 0,
    queue: [],
    nodeIds: [...config.nodes],
    nodes: {},
    clients: {},
    links: {},
    rng: {},
    nextMessageId: 1,
    nextOpId: 1,
    traceCount: 0,
    traceHash: EMPTY_TRACE_HASH,
  };
  const sim: Simulation<PC, NS, CS> = {
    config,
    protocol,
    inputs: sortInputs(inputs),
    core,
    logs: { trace: [], messages: emptyMessageLog(), history: [] },
  };
  for (const id of config.nodes) core.nodes[id] = newNode(sim, id, false);
  for (const id of config.clients) {
    core.clients[id] = {
      id,
      state: protocol.initClient(id, config.protocol, core.nodeIds),
      current: null,
      queued: [],
      queuedHead: 0,
      timeoutAt: null,
    };
  }
  for (const id of config.nodes) protocol.onStart(contextFor(sim, id));
  return sim;
}

function newNode<PC, NS, CS>(sim: Simulation<PC, NS, CS>, id: NodeId, joining: boolean) {
  const { config, protocol, core } = sim;
  const node: NodeRuntime<NS> = {
    id,
    up: true,
    incarnation: 0,
    clockSkewMs: config.clockSkewMs?.[id] ?? 0,
    timerGen: {},
    state: protocol.initNode(id, config.protocol, core.nodeIds, joining),
  };
  return node;
}

// ---------------------------------------------------------------------------------------------
// Running

/** Time of the next thing that will happen (input or event), or undefined when nothing will. */
export function nextEventTime(sim: Simulation<unknown, unknown, unknown>): SimTimeMs | undefined {
  const input = sim.inputs[sim.core.inputCursor];
  const top = heapPeek(sim.core.queue);
  if (input && (!top || input.at <= top.t)) return Math.max(input.at, sim.core.now);
  return top?.t;
}

/**
 * Process the next input or event if it is due at or before `limit`; returns whether it did.
 * Inputs at time t go before events at t, so replaying a recorded input is exact.
 */
function stepUntil<PC, NS, CS>(sim: Simulation<PC, NS, CS>, limit: SimTimeMs): boolean {
  const { core } = sim;
  const input = sim.inputs[core.inputCursor];
  const top = core.queue[0];
  if (input !== undefined && (top === undefined || input.at <= top.t)) {
    if (input.at > limit) return false;
    core.inputCursor++;
    if (input.at > core.now) core.now = input.at;
    core.eventsProcessed++;
    applyInput(sim, input);
    return true;
  }
  if (top === undefined || top.t > limit) return false;
  heapPop(core.queue);
  core.now = top.t;
  core.eventsProcessed++;
  dispatch(sim, top);
  return true;
}

/** Process the next input or event. Returns false when there is nothing left to do. */
export function step<PC, NS, CS>(sim: Simulation<PC, NS, CS>): boolean {
  return stepUntil(sim, Number.POSITIVE_INFINITY);
}

/** Process everything scheduled at or before `t`, then set the clock to `t`. */
export function runUntil<PC, NS, CS>(sim: Simulation<PC, NS, CS>, t: SimTimeMs): void {
  while (stepUntil(sim, t)) {
    // each iteration processed one input or event
  }
  if (t > sim.core.now) sim.core.now = t;
}

/**
 * Add a user input. It must not be earlier than the current time; callers that want the live
 * state to equal a replay re-derive the state from a checkpoint before `input.at` (the store does).
 */
export function addInput<PC, NS, CS>(sim: Simulation<PC, NS, CS>, input: Input): void {
  if (input.at < sim.core.now) {
    throw new Error(`input at ${input.at} ms is in the past (now ${sim.core.now} ms)`);
  }
  let i = sim.inputs.length;
  while (i > sim.core.inputCursor && (sim.inputs[i - 1] as Input).at > input.at) i--;
  sim.inputs.splice(i, 0, input);
}

function dispatch<PC, NS, CS>(sim: Simulation<PC, NS, CS>, event: SimEvent): void {
  switch (event.type) {
    case 'deliver':
      deliver(sim, event);
      return;
    case 'timer': {
      const node = sim.core.nodes[event.node];
      if (!node?.up || node.incarnation !== event.incarnation) return;
      if (node.timerGen[event.name] !== event.gen) return;
      trace(sim, 'timer', event.node, undefined, event.name);
      sim.protocol.onTimer(contextFor(sim, event.node), event.name, event.data);
      return;
    }
    case 'client-timeout':
      clientTimeout(sim, event.client);
      return;
  }
}

/** Messages on the wire now, in id order (read from the queue: no second index to keep). */
export function messagesInFlight<PC, NS, CS>(sim: Simulation<PC, NS, CS>): Message[] {
  const out: Message[] = [];
  for (const event of sim.core.queue) if (event.type === 'deliver') out.push(event);
  return out.sort((a, b) => a.id - b.id);
}

// ---------------------------------------------------------------------------------------------
// Trace

/**
 * Append an entry to the trace and fold it into the trace hash. Positional, and every entry
 * built with the same fields in the same order, because this runs for many events.
 */
export function trace<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  type: TraceEvent['type'],
  node?: EndpointId,
  msg?: number,
  name?: string,
  detail?: unknown,
): void {
  const event: TraceEvent = {
    id: sim.core.traceCount++,
    t: sim.core.now,
    type,
    node,
    msg,
    name,
    detail,
  };
  sim.logs.trace.push(event);
  sim.core.traceHash = foldTraceEvent(sim.core.traceHash, event);
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

/** Number of trace entries so far. */
export function traceLength<PC, NS, CS>(sim: Simulation<PC, NS, CS>): number {
  return sim.core.traceCount;
}

/** The whole trace, in id order: stored entries merged with the messages' sends and fates. */
export function traceEvents<PC, NS, CS>(sim: Simulation<PC, NS, CS>): TraceEvent[] {
  const all: TraceEvent[] = [...sim.logs.trace];
  const addMessage = (m: MessageRecord) => {
    all.push({
      id: m.sendTraceId,
      t: m.sentAt,
      type: 'send',
      node: m.from,
      msg: m.id,
      name: m.kind,
    });
    if (m.fateTraceId < 0) return;
    const delivered = m.fate === 'delivered';
    all.push({
      id: m.fateTraceId,
      t: m.deliverAt,
      type: delivered ? 'deliver' : 'drop',
      node: m.to,
      msg: m.id,
      name: delivered ? m.kind : m.dropReason,
    });
  };
  for (const h of sim.logs.history) {
    all.push({
      id: h.traceId,
      t: h.time,
      type: 'client',
      node: h.process,
      msg: h.index,
      name: h.type,
      detail: h.value ?? undefined,
    });
  }
  for (const m of finishedMessages(sim.logs.messages)) addMessage(m);
  for (const m of messagesInFlight(sim)) addMessage(m);
  return all.sort((a, b) => a.id - b.id);
}

/** `trace` with named fields, for the rarer entries. */
export function record<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  entry: Omit<TraceEvent, 'id' | 't'>,
): void {
  trace(sim, entry.type, entry.node, entry.msg, entry.name, entry.detail);
}

// ---------------------------------------------------------------------------------------------
// Network

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

function incarnationOf<PC, NS, CS>(sim: Simulation<PC, NS, CS>, id: EndpointId): number {
  return sim.core.nodes[id]?.incarnation ?? 0;
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

function deliver<PC, NS, CS>(sim: Simulation<PC, NS, CS>, msg: Message): void {
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
    return;
  }
  msg.fate = 'delivered';
  msg.fateTraceId = traceMessage(sim, 'deliver', msg.id, msg.kind);
  pushMessage(sim.logs.messages, msg);
  if (isClient) {
    clientResponse(sim, msg);
  } else if (sender === undefined) {
    // From an endpoint that is not a node: a client's request.
    sim.protocol.onClientRequest(contextFor(sim, msg.to, node), msg.payload as ClientRequest);
  } else {
    sim.protocol.onMessage(contextFor(sim, msg.to, node), msg);
  }
}

// ---------------------------------------------------------------------------------------------
// Node context: one reusable object per simulation, re-aimed at the node being handled.

class Context<PC, NS, CS> implements NodeContext<PC, NS> {
  self: NodeId = '';
  /** The node being handled; set by `contextFor` before every handler call. */
  node!: NodeRuntime<NS>;
  constructor(readonly sim: Simulation<PC, NS, CS>) {}
  get now() {
    return this.sim.core.now;
  }
  get state() {
    return this.node.state;
  }
  get config() {
    return this.sim.config.protocol;
  }
  get nodeIds() {
    return this.sim.core.nodeIds;
  }
  localTime() {
    return this.sim.core.now + this.node.clockSkewMs;
  }
  random() {
    return nextFloat(stream(this.sim, streamName('proto', this.self)));
  }
  send(to: NodeId, kind: string, payload: unknown) {
    return sendMessage(this.sim, this.self, to, kind, payload, this.node.incarnation);
  }
  setTimer(name: string, delayMs: number, data?: unknown) {
    const { core } = this.sim;
    const node = this.node;
    const gen = (node.timerGen[name] ?? 0) + 1;
    node.timerGen[name] = gen;
    heapPush(core.queue, {
      t: core.now + Math.max(0, Math.round(delayMs)),
      seq: core.seq++,
      type: 'timer',
      node: this.self,
      name,
      gen,
      incarnation: node.incarnation,
      data,
    });
  }
  cancelTimer(name: string) {
    const node = this.node;
    node.timerGen[name] = (node.timerGen[name] ?? 0) + 1;
  }
  reply(request: ClientRequest, result: ClientResult) {
    sendMessage(this.sim, this.self, request.client, 'response', {
      opId: request.opId,
      attempt: request.attempt,
      result,
    });
  }
  emit(name: string, detail?: unknown) {
    if (name === 'role') trace(this.sim, 'role', this.self, undefined, String(detail), detail);
    else trace(this.sim, 'protocol', this.self, undefined, name, detail);
  }
  isUp(id: NodeId) {
    return this.sim.core.nodes[id]?.up ?? false;
  }
}

const contexts = new WeakMap<object, Context<never, never, never>>();
/** The last simulation's context: almost every call is for the same one as the call before. */
let recent: { sim: object; ctx: Context<never, never, never> } | null = null;

function contextFor<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  self: NodeId,
  node: NodeRuntime<NS> = sim.core.nodes[self] as NodeRuntime<NS>,
): NodeContext<PC, NS> {
  let ctx: Context<PC, NS, CS> | undefined;
  if (recent !== null && recent.sim === sim) ctx = recent.ctx as unknown as Context<PC, NS, CS>;
  else {
    ctx = contexts.get(sim) as Context<PC, NS, CS> | undefined;
    if (ctx === undefined) {
      ctx = new Context(sim);
      contexts.set(sim, ctx as unknown as Context<never, never, never>);
    }
    recent = { sim, ctx: ctx as unknown as Context<never, never, never> };
  }
  ctx.self = self;
  ctx.node = node;
  return ctx;
}

const streamNames = new Map<string, Map<string, string>>();

/** `${family}:${id}`, built once: stream lookups then hit an interned key. */
function streamName(family: string, id: string): string {
  let names = streamNames.get(family);
  if (names === undefined) {
    names = new Map();
    streamNames.set(family, names);
  }
  let name = names.get(id);
  if (name === undefined) {
    name = `${family}:${id}`;
    names.set(id, name);
  }
  return name;
}

/** The named stream, created from the run seed on first use. */
export function stream<PC, NS, CS>(sim: Simulation<PC, NS, CS>, name: string): RngStream {
  let s = sim.core.rng[name];
  if (s === undefined) {
    s = deriveStream(sim.config.seed, name);
    sim.core.rng[name] = s;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Inputs

function applyInput<PC, NS, CS>(sim: Simulation<PC, NS, CS>, input: Input): void {
  const { core, protocol } = sim;
  switch (input.type) {
    case 'crash': {
      const node = requireNode(sim, input.node);
      if (!node.up) return;
      node.up = false;
      node.incarnation++;
      node.state = protocol.onCrash(node.state, node.id);
      record(sim, { type: 'crash', node: node.id });
      return;
    }
    case 'restart': {
      const node = requireNode(sim, input.node);
      if (node.up) return;
      node.up = true;
      node.incarnation++;
      record(sim, { type: 'restart', node: node.id });
      protocol.onRestart(contextFor(sim, node.id));
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
      record(sim, { type: 'input', name: 'heal' });
      for (const row of Object.values(core.links))
        for (const link of Object.values(row)) link.cut = false;
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
      if (core.nodes[input.node] !== undefined) return;
      core.nodeIds.push(input.node);
      core.nodes[input.node] = newNode(sim, input.node, true);
      record(sim, { type: 'input', name: 'add-node', node: input.node });
      protocol.onStart(contextFor(sim, input.node));
      return;
    }
    case 'command': {
      const node = requireNode(sim, input.node);
      record(sim, { type: 'input', name: input.command, node: node.id });
      if (node.up) protocol.onCommand?.(contextFor(sim, node.id), input.command, input.args ?? {});
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
  const node = sim.core.nodes[id];
  if (node === undefined) throw new Error(`unknown node "${id}"`);
  return node;
}

// ---------------------------------------------------------------------------------------------
// Clients: each a Jepsen process with one operation outstanding.

function routingView<PC, NS, CS>(sim: Simulation<PC, NS, CS>, client: ClientId): RoutingView {
  return {
    now: sim.core.now,
    nodeIds: sim.core.nodeIds,
    rng: stream(sim, streamName('client', client)),
  };
}

function requireClient<PC, NS, CS>(sim: Simulation<PC, NS, CS>, id: ClientId): ClientRuntime<CS> {
  const client = sim.core.clients[id];
  if (client === undefined) throw new Error(`unknown client "${id}"`);
  return client;
}

/** Append a history entry (fixed shape: this runs twice per client operation). */
function pushHistory<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  type: HistoryOp['type'],
  pending: PendingOp,
  process: ClientId,
  value: HistoryOp['value'],
  node?: NodeId,
  error?: string,
  meta?: HistoryOp['meta'],
): void {
  const core = sim.core;
  const index = sim.logs.history.length;
  const op: HistoryOp = {
    index,
    type,
    process,
    opId: pending.opId,
    f: pending.op.f,
    key: pending.op.key,
    value,
    time: core.now,
    node,
    error,
    meta,
    traceId: core.traceCount++,
  };
  sim.logs.history.push(op);
  core.traceHash = foldTrace(
    core.traceHash,
    core.now,
    'client',
    process,
    index,
    type,
    value ?? undefined,
  );
}

function clientOp<PC, NS, CS>(sim: Simulation<PC, NS, CS>, id: ClientId, op: ClientOp): void {
  const client = requireClient(sim, id);
  if (client.current !== null) {
    client.queued.push(op);
    return;
  }
  const pending: PendingOp = {
    opId: sim.core.nextOpId++,
    op,
    target: sim.protocol.routeClientOp(client.state, op, routingView(sim, id)),
    attempt: 0,
    invokedAt: sim.core.now,
    deadline: 0,
  };
  client.current = pending;
  pushHistory(sim, 'invoke', pending, id, op.f === 'write' ? (op.value ?? null) : null);
  sendRequest(sim, client);
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
  sendMessage(sim, client.id, pending.target, pending.op.f, request);
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
  heapPush(sim.core.queue, {
    t: at,
    seq: sim.core.seq++,
    type: 'client-timeout',
    client: client.id,
  });
}

function clientResponse<PC, NS, CS>(sim: Simulation<PC, NS, CS>, msg: Message): void {
  const client = requireClient(sim, msg.to);
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
    pushHistory(sim, 'ok', pending, client.id, value, msg.from, undefined, result.meta);
  } else {
    const error = result.type === 'fail' ? result.error : `too many redirects (${result.reason})`;
    const meta = result.type === 'fail' ? result.meta : undefined;
    pushHistory(sim, 'fail', pending, client.id, pending.op.value ?? null, msg.from, error, meta);
  }
  finishOp(sim, client);
}

function clientTimeout<PC, NS, CS>(sim: Simulation<PC, NS, CS>, id: ClientId): void {
  const client = requireClient(sim, id);
  client.timeoutAt = null;
  const pending = client.current;
  if (pending === null) return;
  if (sim.core.now < pending.deadline) {
    armTimeout(sim, client, pending.deadline);
    return;
  }
  const error = `no answer from ${pending.target} within ${sim.config.clientTimeoutMs} ms`;
  pushHistory(sim, 'info', pending, id, pending.op.value ?? null, pending.target, error);
  sim.protocol.onClientTimeout(client.state, pending.target, routingView(sim, id));
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
  if (next !== undefined) clientOp(sim, client.id, next);
}

// ---------------------------------------------------------------------------------------------
// Checkpoints

/** Capture the current state so that `restore` can return to it exactly. */
export function checkpoint<PC, NS, CS>(sim: Simulation<PC, NS, CS>): Checkpoint<NS, CS> {
  return {
    core: structuredClone(sim.core),
    traceLength: sim.logs.trace.length,
    messagesLength: sim.logs.messages.count,
    historyLength: sim.logs.history.length,
  };
}

/** Return to a checkpoint taken from this simulation (the checkpoint itself stays reusable). */
export function restore<PC, NS, CS>(sim: Simulation<PC, NS, CS>, cp: Checkpoint<NS, CS>): void {
  sim.core = structuredClone(cp.core);
  sim.logs.trace.length = cp.traceLength;
  truncateMessages(sim.logs.messages, cp.messagesLength);
  sim.logs.history.length = cp.historyLength;
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
    Object.values(sim.core.clients).some((c) => c.current !== null || queuedOps(c) > 0)
  );
}

/**
 * Run until every client is idle, then `settleMs` more with no client traffic: the system has
 * quiesced. Gives up at `limitMs` (returns false) if clients never go idle.
 */
export function runUntilQuiet<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  settleMs: number,
  limitMs: SimTimeMs,
): boolean {
  while (clientsBusy(sim)) {
    if (sim.core.now >= limitMs) return false;
    runUntil(sim, Math.min(limitMs, sim.core.now + 50));
  }
  runUntil(sim, sim.core.now + settleMs);
  return true;
}
