/**
 * Messages whose fate is decided, stored as columns: numbers in typed arrays, with kinds as
 * their codes (`kinds.ts`) and ends as endpoint indices. A long run sends millions of messages;
 * kept as objects they would be most of the heap and most of the garbage collector's work.
 * Readers get `Message` objects on demand.
 *
 * Payloads are kept only for the latest `PAYLOAD_WINDOW` finished messages (a ring): holding
 * every payload of a long run kept a million objects alive for nothing but the inspector, which
 * asks for one message at a time. An older message's payload reads as `PAYLOAD_NOT_KEPT`; the
 * run is deterministic, so replaying it from a checkpoint recomputes it (`payloadReplay.ts`).
 */
import { grown } from './columns';
import { kindName } from './kinds';
import type { DropReason, EndpointId, Message, MessageFate, SimTimeMs } from './types';

/**
 * A message with its fate: a finished one as the log keeps it, or one in flight as
 * `messagesInFlight` describes it (fate `in-flight`, `fateTraceId` -1).
 */
export interface MessageRecord
  extends Pick<
    Message,
    | 'id'
    | 'kind'
    | 'kindCode'
    | 'from'
    | 'to'
    | 'src'
    | 'dst'
    | 'payload'
    | 'sentAt'
    | 'sendTraceId'
  > {
  deliverAt: SimTimeMs;
  fate: MessageFate;
  dropReason?: DropReason;
  /** Trace id of its delivery or drop entry; -1 while in flight. */
  fateTraceId: number;
}

export interface MessageLog {
  count: number;
  id: Int32Array;
  kind: Uint16Array;
  src: Int32Array;
  dst: Int32Array;
  /**
   * The name of each endpoint index in `src` and `dst`, written by the engine when it gives an
   * endpoint its index. An index keeps its meaning for every message logged while it exists; a
   * restore may hand it to a new name, but only after truncating the messages that used it.
   */
  endpointIds: EndpointId[];
  sentAt: Float64Array;
  deliverAt: Float64Array;
  /** Fate and drop reason in one code: see `FATES`. */
  fate: Uint8Array;
  sendTraceId: Int32Array;
  fateTraceId: Int32Array;
  /** Ring of the latest payloads: message `i`'s is at `i % PAYLOAD_WINDOW` while `i >= payloadFloor`. */
  payloads: unknown[];
  /** Index of the oldest finished message whose payload is still held. */
  payloadFloor: number;
}

/** How many of the latest finished messages keep their payload (a power of two). */
export const PAYLOAD_WINDOW = 4096;
const PAYLOAD_MASK = PAYLOAD_WINDOW - 1;

/** What `messageAt` gives as the payload of a message older than the payload window. */
export const PAYLOAD_NOT_KEPT: unique symbol = Symbol('payload not kept');

/** Codes of the fates (indices into `FATES`), as `logMessage` takes them. */
export const DELIVERED = 0;
export const DROPPED_PARTITION = 1;
export const DROPPED_LOSS = 2;
export const LOST = 3;

const FATES: ReadonlyArray<{ fate: MessageFate; dropReason?: DropReason }> = [
  { fate: 'delivered' },
  { fate: 'dropped', dropReason: 'partition' },
  { fate: 'dropped', dropReason: 'loss' },
  { fate: 'lost', dropReason: 'crash' },
];

function fateCode(m: MessageRecord): number {
  if (m.fate === 'delivered') return DELIVERED;
  if (m.dropReason === 'partition') return DROPPED_PARTITION;
  if (m.dropReason === 'loss') return DROPPED_LOSS;
  return LOST;
}

const INITIAL_CAPACITY = 1024;

export function emptyMessageLog(): MessageLog {
  const n = INITIAL_CAPACITY;
  return {
    count: 0,
    id: new Int32Array(n),
    kind: new Uint16Array(n),
    src: new Int32Array(n),
    dst: new Int32Array(n),
    endpointIds: [],
    sentAt: new Float64Array(n),
    deliverAt: new Float64Array(n),
    fate: new Uint8Array(n),
    sendTraceId: new Int32Array(n),
    fateTraceId: new Int32Array(n),
    payloads: new Array<unknown>(PAYLOAD_WINDOW).fill(undefined),
    payloadFloor: 0,
  };
}

/**
 * Grow every column. Written out field by field on purpose: assigning through a computed key
 * would turn the log into a dictionary-mode object and slow every later access.
 */
function grow(log: MessageLog): void {
  log.id = grown(log.id);
  log.kind = grown(log.kind);
  log.src = grown(log.src);
  log.dst = grown(log.dst);
  log.sentAt = grown(log.sentAt);
  log.deliverAt = grown(log.deliverAt);
  log.fate = grown(log.fate);
  log.sendTraceId = grown(log.sendTraceId);
  log.fateTraceId = grown(log.fateTraceId);
}

/** Record a finished message given as a record (putting stashed messages back). */
export function pushMessage(log: MessageLog, m: MessageRecord): void {
  pushRow(log, m, m.deliverAt, fateCode(m), m.fateTraceId);
}

/**
 * Record a message whose fate was just decided: `fate` is its code (see `FATES`, and
 * `DELIVERED`, `DROPPED_PARTITION`, `DROPPED_LOSS`, `LOST`), `fateTraceId` its fate's trace id.
 */
export function logMessage(log: MessageLog, m: Message, fate: number, fateTraceId: number): void {
  pushRow(log, m, m.t, fate, fateTraceId);
}

function pushRow(
  log: MessageLog,
  m: Message | MessageRecord,
  deliverAt: SimTimeMs,
  fate: number,
  fateTraceId: number,
): void {
  if (log.count === log.id.length) grow(log);
  const i = log.count++;
  log.id[i] = m.id;
  log.kind[i] = m.kindCode;
  log.src[i] = m.src;
  log.dst[i] = m.dst;
  log.sentAt[i] = m.sentAt;
  log.deliverAt[i] = deliverAt;
  log.fate[i] = fate;
  log.sendTraceId[i] = m.sendTraceId;
  log.fateTraceId[i] = fateTraceId;
  log.payloads[i & PAYLOAD_MASK] = m.payload;
  if (i - log.payloadFloor >= PAYLOAD_WINDOW) log.payloadFloor = i + 1 - PAYLOAD_WINDOW;
}

/** The payload of the i-th finished message, or `PAYLOAD_NOT_KEPT` if it is out of the window. */
export function payloadAt(log: MessageLog, i: number): unknown {
  if (i < log.payloadFloor || i >= log.count) return PAYLOAD_NOT_KEPT;
  return log.payloads[i & PAYLOAD_MASK];
}

/** The i-th finished message, as an object (its payload may be `PAYLOAD_NOT_KEPT`). */
export function messageAt(log: MessageLog, i: number): MessageRecord {
  const { fate, dropReason } = FATES[log.fate[i] as number] as (typeof FATES)[number];
  const kindCode = log.kind[i] as number;
  const src = log.src[i] as number;
  const dst = log.dst[i] as number;
  return {
    id: log.id[i] as number,
    kind: kindName(kindCode),
    kindCode,
    from: log.endpointIds[src] as EndpointId,
    to: log.endpointIds[dst] as EndpointId,
    src,
    dst,
    payload: payloadAt(log, i),
    sentAt: log.sentAt[i] as number,
    deliverAt: log.deliverAt[i] as number,
    fate,
    dropReason,
    sendTraceId: log.sendTraceId[i] as number,
    fateTraceId: log.fateTraceId[i] as number,
  };
}

/** Every finished message from index `from` on, as objects, in the order their fates came. */
export function finishedMessages(log: MessageLog, from = 0): MessageRecord[] {
  const out: MessageRecord[] = [];
  for (let i = from; i < log.count; i++) out.push(messageAt(log, i));
  return out;
}

/** Count finished messages by fate and by kind without building objects. */
export function countMessages(log: MessageLog): {
  byFate: Record<string, number>;
  byKind: Record<string, number>;
} {
  const byFate: Record<string, number> = { delivered: 0, dropped: 0, lost: 0 };
  const byKindCode: number[] = [];
  const firstSeen: number[] = [];
  for (let i = 0; i < log.count; i++) {
    const fate = (FATES[log.fate[i] as number] as (typeof FATES)[number]).fate;
    byFate[fate] = (byFate[fate] ?? 0) + 1;
    const code = log.kind[i] as number;
    if (byKindCode[code] === undefined) firstSeen.push(code);
    byKindCode[code] = (byKindCode[code] ?? 0) + 1;
  }
  // Kinds in the order they first appear.
  const byKind: Record<string, number> = {};
  for (const code of firstSeen) byKind[kindName(code)] = byKindCode[code] as number;
  return { byFate, byKind };
}

/** Forget every message from index `count` on (restoring a checkpoint). */
export function truncateMessages(log: MessageLog, count: number): void {
  log.count = Math.min(log.count, count);
  // Ring slots of the messages cut are overwritten when the run gets there again.
  log.payloadFloor = Math.min(log.payloadFloor, log.count);
}
