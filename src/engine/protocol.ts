/**
 * The contract between the engine and a replication protocol. A protocol is a bundle of pure-ish
 * handlers over plain node state: the engine owns time, randomness and the network, and hands
 * each handler a context through which it sends messages, sets timers and answers clients.
 */
import type { RngStream } from './rng';
import type { ClientId, ClientOp, Message, NodeId, SimTimeMs, Value } from './types';

/** A client request as it arrives at a node. */
export interface ClientRequest {
  client: ClientId;
  opId: number;
  attempt: number;
  f: ClientOp['f'];
  key: string;
  value: Value;
  /** Protocol-specific session facts the client attaches (e.g. the last position it wrote). */
  session?: Record<string, unknown>;
}

/** What a node answers to a client request. */
export type ClientResult =
  | { type: 'ok'; value?: Value; meta?: Record<string, number | string | boolean> }
  | { type: 'fail'; error: string; meta?: Record<string, number | string | boolean> }
  | { type: 'redirect'; to: NodeId; reason: string };

/** Facilities a handler may use. Valid only during the handler call that received it. */
export interface NodeContext<PC, NS> {
  /** Virtual time now. */
  readonly now: SimTimeMs;
  /** The node handling the event. */
  readonly self: NodeId;
  /** That node's state, to read and update in place. */
  readonly state: NS;
  readonly config: PC;
  /** Every node of the cluster, in creation order. */
  readonly nodeIds: readonly NodeId[];
  /** The node's local clock: virtual time plus its configured skew. */
  localTime(): SimTimeMs;
  /** A float in [0, 1) from this node's own protocol stream. */
  random(): number;
  /** Send a message; returns its id. */
  send(to: NodeId, kind: string, payload: unknown): number;
  /** (Re)arm the timer `name`: a timer of the same name that has not fired is replaced. */
  setTimer(name: string, delayMs: number, data?: unknown): void;
  cancelTimer(name: string): void;
  /** Answer a client request over the network. */
  reply(request: ClientRequest, result: ClientResult): void;
  /** Record a protocol event in the trace (role changes use `name: 'role'`). */
  emit(name: string, detail?: unknown): void;
  /** Is node `id` up? Only for the simulation's bookkeeping, never for protocol decisions. */
  isUp(id: NodeId): boolean;
}

/** What a client may consult when choosing where to send an operation. */
export interface RoutingView {
  readonly now: SimTimeMs;
  readonly nodeIds: readonly NodeId[];
  readonly rng: RngStream;
}

/**
 * Facilities a client-side coordination hook may use (see `ClientCoordination`). Valid only
 * during the call that received it.
 */
export interface ClientContext<PC, CS> {
  readonly now: SimTimeMs;
  /** The client handling the event. */
  readonly self: ClientId;
  /** That client's state, to read and update in place. */
  readonly state: CS;
  readonly config: PC;
  readonly nodeIds: readonly NodeId[];
  /** Send a message to a node; the node's protocol receives it in `onMessage`. */
  send(to: NodeId, kind: string, payload: unknown): number;
  /** (Re)arm the client's timer `name`; a timer of the same name that has not fired is replaced. */
  setTimer(name: string, delayMs: number, data?: unknown): void;
  cancelTimer(name: string): void;
  /**
   * Finish operation `opId` with `result` (ok or fail), recorded in the history like a node's
   * answer; `node` names the replica the result is attributed to, if any. Ignored when `opId` is
   * no longer the client's current operation (it timed out).
   */
  complete(opId: number, result: ClientResult, node?: NodeId): void;
  /** Record a protocol event in the trace, under the client's name. */
  emit(name: string, detail?: unknown): void;
}

/**
 * Optional hooks for a client that coordinates an operation itself (Voldemort's or the Riak
 * client library's routing): it may send several messages for one operation, hears the replies
 * as messages, decides when the operation completes and with what result, and may keep
 * hearing late replies after it. Messages a client sends under these hooks reach the nodes'
 * `onMessage`; messages nodes send to a client, other than `reply`'s answers, reach `onMessage`
 * here.
 */
export interface ClientCoordination<PC, CS> {
  /** Does the client coordinate `op` itself? Otherwise it goes to `routeClientOp`'s node. */
  coordinates(client: CS, op: ClientOp): boolean;
  /** Start operation `opId` (just invoked): send its requests. */
  onStart(ctx: ClientContext<PC, CS>, opId: number, op: ClientOp): void;
  onMessage(ctx: ClientContext<PC, CS>, message: Message): void;
  onTimer(ctx: ClientContext<PC, CS>, name: string, data: unknown): void;
}

/** A replication family, plugged into the engine. */
export interface Protocol<PC, NS, CS> {
  readonly name: string;
  /**
   * A node's initial state; `joining` is true for nodes added while the run goes on, and `args`
   * are the settings its `add-node` input carries.
   */
  initNode(
    id: NodeId,
    config: PC,
    nodeIds: readonly NodeId[],
    joining: boolean,
    args?: Record<string, unknown>,
  ): NS;
  /**
   * A client's initial state. `others` are the states of the clients created before it: a
   * protocol may share part of one with a new client (one user's devices sharing session
   * metadata); checkpoints clone the core whole, so such sharing survives time travel.
   */
  initClient(id: ClientId, config: PC, nodeIds: readonly NodeId[], others: readonly CS[]): CS;
  /** Called once a node exists and is up (at time 0, or when added). */
  onStart(ctx: NodeContext<PC, NS>): void;
  onMessage(ctx: NodeContext<PC, NS>, message: Message): void;
  onTimer(ctx: NodeContext<PC, NS>, name: string, data: unknown): void;
  onClientRequest(ctx: NodeContext<PC, NS>, request: ClientRequest): void;
  /** The state that survives a crash (durable); everything else is lost. */
  onCrash(state: NS, id: NodeId): NS;
  onRestart(ctx: NodeContext<PC, NS>): void;
  /** An operator command from a scenario or the UI (e.g. change a follower's mode). */
  onCommand?(ctx: NodeContext<PC, NS>, command: string, args: Record<string, unknown>): void;
  /**
   * An operator command to a node that is down. It can only change what the node keeps on disk
   * (as an operator edits a stopped server's configuration), which its `onRestart` then acts on.
   * Without this hook, such a command is ignored.
   */
  onCommandWhileDown?(state: NS, command: string, args: Record<string, unknown>): NS;
  /** Choose the node a client operation goes to first. */
  routeClientOp(client: CS, op: ClientOp, view: RoutingView): NodeId;
  /** Let the client learn from an answer (e.g. the current leader). */
  onClientResult(client: CS, op: ClientOp, result: ClientResult, from: NodeId): void;
  /** The client gave up waiting for `target`. */
  onClientTimeout(client: CS, target: NodeId, view: RoutingView): void;
  /** Session facts to attach to a request, if the protocol uses any. */
  sessionFor?(client: CS, op: ClientOp): Record<string, unknown> | undefined;
  /** Present when clients may coordinate operations themselves. */
  clientCoordination?: ClientCoordination<PC, CS>;
}
