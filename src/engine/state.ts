/**
 * The simulation's state, split in two:
 * - `SimCore`: everything that changes in place; cloned whole by a checkpoint.
 * - `SimLogs`: append-only records (trace, finished messages, history); a checkpoint keeps only
 *   their lengths and a restore truncates them, so time travel never copies a long trace.
 */
import type { HistoryLog } from './historyLog';
import type { MessageLog } from './messageLog';
import type { NetworkConfig } from './network';
import type { Protocol } from './protocol';
import type { RngStream } from './rng';
import type { TraceLog } from './traceLog';
import type {
  ClientId,
  ClientOp,
  EndpointId,
  HistoryOp,
  Input,
  LinkConfig,
  Message,
  NodeId,
  SimTimeMs,
} from './types';

/** A process of the simulated cluster. */
export interface NodeRuntime<NS> {
  id: NodeId;
  /** Endpoint index: the node's position in `SimCore.endpointIds`. */
  ix: number;
  up: boolean;
  /**
   * The queue sequence number (`SimCore.seq`) when the node's current life began: its last
   * crash or restart, 0 before any. A message or timer carries the sequence number it was
   * made with, so one made before that point belongs to an earlier life and is void: a crash
   * in between loses a message to or from the node (what sits in a dead process's socket
   * buffers never arrives) and cancels its timers. The same test as comparing incarnation
   * counters, without carrying two counters on every message.
   */
  bornAtSeq: number;
  clockSkewMs: number;
  /** Generation per timer name; a timer fires only if its generation is still current. */
  timerGen: Record<string, number>;
  /** The node's protocol stream (`proto:<id>`). */
  rng: RngStream;
  state: NS;
}

/** The operation a client is waiting on. */
export interface PendingOp {
  opId: number;
  op: ClientOp;
  target: NodeId;
  attempt: number;
  invokedAt: SimTimeMs;
  /** The client gives up at this time unless an answer comes (moved by each retry). */
  deadline: SimTimeMs;
  /** The client coordinates this operation itself (`Protocol.clientCoordination`). */
  coordinated?: true;
}

/** A client session: one outstanding operation at a time, the rest queued (Jepsen process). */
export interface ClientRuntime<CS> {
  id: ClientId;
  /** Endpoint index: the client's position in `SimCore.endpointIds`. */
  ix: number;
  /** The client's routing stream (`client:<id>`). */
  rng: RngStream;
  state: CS;
  current: PendingOp | null;
  /** Operations waiting, from index `queuedHead` on. */
  queued: ClientOp[];
  queuedHead: number;
  /** When the client's one armed timeout event fires, or null if none is armed. */
  timeoutAt: SimTimeMs | null;
  /** Generation per timer name of a coordinating client (created on its first timer). */
  timerGen?: Record<string, number>;
}

/** One direction of a link. */
export interface LinkState {
  config: LinkConfig;
  cut: boolean;
  /** Links are FIFO, like the TCP streams replication runs over. */
  lastDeliverAt: SimTimeMs;
  rng: RngStream;
}

/**
 * A timer in the queue: a node's timer, a client's timer, or a client's deadline for its
 * current operation. It has a message's fields, in the same order: a timer is in effect a
 * message from an endpoint to itself, due at `t`. With every queued object of one hidden class
 * the heap's loads of `t` and `seq` and the dispatch on `type` stay monomorphic (bench:instructions:
 * 2.7 % fewer instructions per event than with a shape per kind of event). Its fields mean:
 * - `kind`: the timer's name (empty for a client's deadline); `id`: its generation, which a
 *   later `setTimer` or `cancelTimer` of the same name moves on, making this one stale;
 * - `src` = `dst`: the endpoint's index; `from`: its name;
 * - `payload`: the data given to `setTimer`; `sentAt`: when it was set;
 * - `seq`: also what voids it if the node crashes before it fires (`NodeRuntime.bornAtSeq`).
 */
export interface TimerEvent extends Omit<Message, 'type'> {
  type: 'timer' | 'client-timer' | 'client-timeout';
}

export type SimEvent = Message | TimerEvent;

/** A timer event for the queue (see `TimerEvent` for what each field holds). */
export function timerEvent(
  core: SimCore<unknown, unknown>,
  type: TimerEvent['type'],
  endpoint: { ix: number; id: EndpointId },
  at: SimTimeMs,
  name: string,
  gen: number,
  data: unknown,
): TimerEvent {
  // The same fields in the same order as the message literal in `sendBetween` (messaging.ts).
  return {
    t: at,
    seq: core.seq++,
    type,
    id: gen,
    kind: name,
    kindCode: 0,
    from: endpoint.id,
    src: endpoint.ix,
    dst: endpoint.ix,
    payload: data,
    sentAt: core.now,
    unlucky: false,
    sendTraceId: 0,
  };
}

/** Mutable state, cloned by checkpoints. */
export interface SimCore<NS, CS> {
  now: SimTimeMs;
  seq: number;
  eventsProcessed: number;
  /** Index of the next input to apply. */
  inputCursor: number;
  queue: SimEvent[];
  /**
   * Every endpoint (node or client) by index, in order of first mention. The hot path works
   * with these indices; the names are for protocols, views and the trace.
   */
  endpointIds: EndpointId[];
  endpointIndex: Map<EndpointId, number>;
  nodeIds: NodeId[];
  /** By endpoint index; null where the endpoint is not a node. See `nodeRuntime`. */
  nodes: Array<NodeRuntime<NS> | null>;
  /** By endpoint index; null where the endpoint is not a client. See `clientRuntime`. */
  clients: Array<ClientRuntime<CS> | null>;
  /** `links[from][to]` by endpoint index, each direction created on first use. */
  links: Array<Array<LinkState | null>>;
  /** Named streams other than those of links, nodes and clients (see `stream`). */
  rng: Record<string, RngStream>;
  nextMessageId: number;
  nextOpId: number;
  /** Entries in the trace so far: the next entry's id. */
  traceCount: number;
  traceHash: number;
}

/**
 * Append-only records. The trace is stored sparsely: a message's send and its delivery or drop
 * are recorded on the message itself (their trace ids and times are its fields), a client
 * operation's entry on its history entry, and `trace` holds every other entry (as columns).
 * `traceEvents` puts the whole trace back together in id order.
 */
export interface SimLogs {
  /** Every entry not stored on a message or a history entry (stored as columns). */
  trace: TraceLog;
  /** Messages whose fate is decided, in the order it was decided (stored as columns). */
  messages: MessageLog;
  /** The clients' history (stored as columns). */
  history: HistoryLog;
}

/** A point to return to: a clone of the core and the lengths of the logs. */
export interface Checkpoint<NS, CS> {
  core: SimCore<NS, CS>;
  traceLength: number;
  messagesLength: number;
  historyLength: number;
}

/** Inputs in application order: by time, then by position in the list. */
export function sortInputs(inputs: readonly Input[]): Input[] {
  return inputs
    .map((input, i) => ({ input, i }))
    .sort((a, b) => a.input.at - b.input.at || a.i - b.i)
    .map(({ input }) => input);
}

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
