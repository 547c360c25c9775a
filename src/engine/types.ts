/**
 * Plain-data types shared by the engine and everything above it.
 * Nothing here holds a function or a class instance: every value is structured-clone-able,
 * which is what makes checkpoints and time travel cheap (see DESIGN.md).
 */

/** Virtual time in integer milliseconds since the start of the run. */
export type SimTimeMs = number;
/** A replica or controller process, e.g. `n1`, `monitor`. */
export type NodeId = string;
/** A client session, named by its user id, e.g. `user-1234`. */
export type ClientId = string;
/** Either end of a network link. */
export type EndpointId = NodeId | ClientId;

/** How a message ended. `in-flight` until its delivery time comes. */
export type MessageFate = 'in-flight' | 'delivered' | 'dropped' | 'lost';
/** Why a message did not arrive. */
export type DropReason = 'partition' | 'loss' | 'crash';

/**
 * One message on the network, as it sits in the event queue while in flight (`type`, `t` = its
 * delivery time, `seq`: it is its own queue event) and as a protocol receives it. What is
 * decided on arrival (fate, drop reason, the fate's trace id) is not kept here but in the
 * message log (`MessageRecord` in `messageLog.ts`): a long run sends a million of these, and
 * every field is paid for by each of them.
 */
export interface Message {
  /** Queue key: the delivery time (`deliverAt` in a `MessageRecord`). */
  t: SimTimeMs;
  /**
   * Queue tie-break, taken when sent: also tells whether either end has crashed since
   * (`NodeRuntime.bornAtSeq`), which loses the message.
   */
  seq: number;
  type: 'deliver';
  id: number;
  kind: string;
  /** The kind's code (see `kinds.ts`), for the message log and the trace hash. */
  kindCode: number;
  from: EndpointId;
  /**
   * Endpoint indices of the sender and the receiver (see `SimCore.endpointIds`): the engine's
   * own keys. The receiver's name is not carried: nothing on the hot path reads it, and
   * `inFlightRecord` looks it up for the views.
   */
  src: number;
  dst: number;
  payload: unknown;
  sentAt: SimTimeMs;
  /** Drawn at send time so the drop decision does not depend on delivery order. */
  unlucky: boolean;
  /** Trace id of the message's send entry. */
  sendTraceId: number;
}

/** Latency of one direction of a link: `baseMs` plus a jitter drawn from a distribution. */
export interface LatencyConfig {
  baseMs: number;
  jitterMs: number;
  /** `uniform`: 0..jitterMs. `exponential`: mean jitterMs, capped at 10 x jitterMs. */
  distribution: 'uniform' | 'exponential';
}

/** Behaviour of one link direction. */
export interface LinkConfig {
  latency: LatencyConfig;
  /** Probability in [0, 1] that a message on this link is lost. */
  dropRate: number;
}

/** Jepsen-style history entry. An operation appears as `invoke`, then `ok`, `fail` or `info`. */
export interface HistoryOp {
  index: number;
  type: 'invoke' | 'ok' | 'fail' | 'info';
  /** The client session (Jepsen's "process"). */
  process: ClientId;
  /** Operation id shared by the invoke and its completion. */
  opId: number;
  f: 'read' | 'write';
  key: string;
  value: Value;
  time: SimTimeMs;
  /** The node that answered (completions only). */
  node?: NodeId;
  error?: string;
  /** Protocol facts about the completion, e.g. the log position a write got. */
  meta?: Record<string, number | string | boolean>;
  /** Id of the entry's `client` trace entry (the trace stores it here, not as an object). */
  traceId: number;
}

/** Values stored under keys. `null` means absent. */
export type Value = string | number | null;

/**
 * Where one read should go, overriding the client's own routing: the leader, any replica the
 * client's random stream picks, or a named replica. Protocols without a leader may ignore it.
 */
export type ReadTarget = 'leader' | 'any' | { replica: NodeId };

/** A client operation, as scripted in a scenario or issued by the user. */
export interface ClientOp {
  f: 'read' | 'write';
  key: string;
  value?: Value;
  /** Reads only: send this read here instead of where the client's routing setting says. */
  readFrom?: ReadTarget;
}

/** A user intervention or scripted step; replaying the same inputs reproduces the run. */
export type Input =
  | { at: SimTimeMs; type: 'crash'; node: NodeId }
  | { at: SimTimeMs; type: 'restart'; node: NodeId }
  | { at: SimTimeMs; type: 'partition'; groups: EndpointId[][] }
  | { at: SimTimeMs; type: 'partition-oneway'; from: EndpointId[]; to: EndpointId[] }
  | {
      at: SimTimeMs;
      type: 'heal';
      /** Only the links between these two groups, both ways; every link when absent. */
      between?: [EndpointId[], EndpointId[]];
    }
  | {
      at: SimTimeMs;
      type: 'set-link';
      from: EndpointId;
      to: EndpointId;
      /** Applies to both directions unless `oneWay`. */
      oneWay?: boolean;
      latency?: Partial<LatencyConfig>;
      dropRate?: number;
    }
  | { at: SimTimeMs; type: 'clock-skew'; node: NodeId; skewMs: number }
  | { at: SimTimeMs; type: 'client-op'; client: ClientId; op: ClientOp }
  | {
      at: SimTimeMs;
      type: 'add-node';
      node: NodeId;
      /** Protocol settings for the new node (e.g. how a follower bootstraps). */
      args?: Record<string, unknown>;
    }
  | {
      at: SimTimeMs;
      type: 'command';
      node: NodeId;
      command: string;
      args?: Record<string, unknown>;
    };

export type InputType = Input['type'];

/** An input before it is given a time (the session stamps it with the current time). */
export type UntimedInput = Input extends infer I
  ? I extends Input
    ? Omit<I, 'at'>
    : never
  : never;

/** Kinds of trace entries. */
export type TraceType =
  | 'send'
  | 'deliver'
  | 'drop'
  | 'timer'
  | 'crash'
  | 'restart'
  | 'role'
  | 'client'
  | 'input'
  | 'protocol';

/** One entry of the trace. `id` is its index: stable across replays of the same inputs. */
export interface TraceEvent {
  id: number;
  t: SimTimeMs;
  type: TraceType;
  node?: EndpointId;
  /** Message id for send / deliver / drop. */
  msg?: number;
  /** A short name: message kind, timer name, role, protocol event name. */
  name?: string;
  detail?: unknown;
}
