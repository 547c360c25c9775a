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
import {
  CHUNK_MASK,
  CHUNK_ROWS,
  type ChunkedLog,
  chunkOf,
  startChunk,
  truncateChunks,
} from './columns';
import { kindName } from './kinds';
import type { DropReason, EndpointId, Message, MessageFate, SimTimeMs } from './types';

/**
 * A message with its fate: a finished one as the log keeps it, or one in flight as
 * `messagesInFlight` describes it (fate `in-flight`, `fateTraceId` -1).
 */
export interface MessageRecord
  extends Pick<
    Message,
    'id' | 'kind' | 'kindCode' | 'from' | 'src' | 'dst' | 'payload' | 'sentAt' | 'sendTraceId'
  > {
  /** The receiver's name. */
  to: EndpointId;
  deliverAt: SimTimeMs;
  fate: MessageFate;
  dropReason?: DropReason;
  /** Trace id of its delivery or drop entry; -1 while in flight. */
  fateTraceId: number;
}

/** The columns of up to `CHUNK_ROWS` finished messages (see `columns.ts`). */
export interface MessageChunk {
  id: Int32Array;
  kind: Uint16Array;
  src: Int32Array;
  dst: Int32Array;
  sentAt: Float64Array;
  deliverAt: Float64Array;
  /** Fate and drop reason in one code: see `FATES`. */
  fate: Uint8Array;
  sendTraceId: Int32Array;
  fateTraceId: Int32Array;
}

export interface MessageLog extends ChunkedLog<MessageChunk> {
  /**
   * The name of each endpoint index in `src` and `dst`, written by the engine when it gives an
   * endpoint its index. An index keeps its meaning for every message logged while it exists; a
   * restore may hand it to a new name, but only after truncating the messages that used it.
   */
  endpointIds: EndpointId[];
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

function newChunk(rows: number): MessageChunk {
  return {
    id: new Int32Array(rows),
    kind: new Uint16Array(rows),
    src: new Int32Array(rows),
    dst: new Int32Array(rows),
    sentAt: new Float64Array(rows),
    deliverAt: new Float64Array(rows),
    fate: new Uint8Array(rows),
    sendTraceId: new Int32Array(rows),
    fateTraceId: new Int32Array(rows),
  };
}

const newFullChunk = () => newChunk(CHUNK_ROWS);

export function emptyMessageLog(): MessageLog {
  return {
    count: 0,
    chunks: [],
    // Never written: the first row starts a chunk, which replaces it.
    tail: newChunk(0),
    endpointIds: [],
    payloads: new Array<unknown>(PAYLOAD_WINDOW).fill(undefined),
    payloadFloor: 0,
  };
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
  const i = log.count++;
  const j = i & CHUNK_MASK;
  const c = j === 0 ? startChunk(log, i, newFullChunk) : log.tail;
  c.id[j] = m.id;
  c.kind[j] = m.kindCode;
  c.src[j] = m.src;
  c.dst[j] = m.dst;
  c.sentAt[j] = m.sentAt;
  c.deliverAt[j] = deliverAt;
  c.fate[j] = fate;
  c.sendTraceId[j] = m.sendTraceId;
  c.fateTraceId[j] = fateTraceId;
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
  const c = chunkOf(log, i);
  const j = i & CHUNK_MASK;
  const { fate, dropReason } = FATES[c.fate[j] as number] as (typeof FATES)[number];
  const kindCode = c.kind[j] as number;
  const src = c.src[j] as number;
  const dst = c.dst[j] as number;
  return {
    id: c.id[j] as number,
    kind: kindName(kindCode),
    kindCode,
    from: log.endpointIds[src] as EndpointId,
    to: log.endpointIds[dst] as EndpointId,
    src,
    dst,
    payload: payloadAt(log, i),
    sentAt: c.sentAt[j] as number,
    deliverAt: c.deliverAt[j] as number,
    fate,
    dropReason,
    sendTraceId: c.sendTraceId[j] as number,
    fateTraceId: c.fateTraceId[j] as number,
  };
}

/** Id of the i-th finished message. */
export function messageIdAt(log: MessageLog, i: number): number {
  return chunkOf(log, i).id[i & CHUNK_MASK] as number;
}

/** Send time of the i-th finished message. */
export function sentAtOf(log: MessageLog, i: number): SimTimeMs {
  return chunkOf(log, i).sentAt[i & CHUNK_MASK] as number;
}

/** Index of the first finished message whose fate came at or after `t` (fates come in time order). */
export function firstDecidedFrom(log: MessageLog, t: SimTimeMs): number {
  let lo = 0;
  let hi = log.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((chunkOf(log, mid).deliverAt[mid & CHUNK_MASK] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
    const c = chunkOf(log, i);
    const fate = (FATES[c.fate[i & CHUNK_MASK] as number] as (typeof FATES)[number]).fate;
    byFate[fate] = (byFate[fate] ?? 0) + 1;
    const code = c.kind[i & CHUNK_MASK] as number;
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
  truncateChunks(log, count);
  // Ring slots of the messages cut are overwritten when the run gets there again.
  log.payloadFloor = Math.min(log.payloadFloor, log.count);
}
