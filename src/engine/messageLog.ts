/**
 * Messages whose fate is decided, stored as rows of numbers in fixed-size typed-array chunks,
 * with kinds as their codes (`kinds.ts`) and ends as endpoint indices. A long run sends millions
 * of messages; kept as objects they would be most of the heap and most of the garbage
 * collector's work. One message is one row of eight numbers in one array (one bounds-checked
 * array for the nine fields, not nine columns), and a full chunk is never copied: the log grows
 * by adding a chunk. Readers get `Message` objects, or single fields, on demand.
 *
 * Payloads are kept only for the latest `PAYLOAD_WINDOW` finished messages (a ring): holding
 * every payload of a long run kept a million objects alive for nothing but the inspector, which
 * asks for one message at a time. An older message's payload reads as `PAYLOAD_NOT_KEPT`; the
 * run is deterministic, so replaying it from a checkpoint recomputes it (`payloadReplay.ts`).
 */
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
  /** Rows `k * CHUNK_ROWS ..` of the log are in `chunks[k]`, `ROW` numbers each (see `ROW`). */
  chunks: Float64Array[];
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

/**
 * Offsets of a message's fields in its row. Every field is a whole number that fits a double
 * exactly; the kind's code and the fate's (see `FATES`) share one: `kind * FATE_CODES + fate`.
 */
const SENT_AT = 0;
const DELIVER_AT = 1;
const ID = 2;
const SRC = 3;
const DST = 4;
const KIND_FATE = 5;
const SEND_TRACE_ID = 6;
const FATE_TRACE_ID = 7;
/** Numbers per row: eight doubles, one 64-byte cache line. */
const ROW = 8;
const FATE_CODES = 4;

/** Rows per chunk (a power of two): 4,096 rows, 256 KiB. */
const CHUNK_BITS = 12;
const CHUNK_ROWS = 1 << CHUNK_BITS;
const ROW_MASK = CHUNK_ROWS - 1;

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

export function emptyMessageLog(): MessageLog {
  return {
    count: 0,
    chunks: [],
    endpointIds: [],
    payloads: new Array<unknown>(PAYLOAD_WINDOW).fill(undefined),
    payloadFloor: 0,
  };
}

/** The chunk holding row `i`, and the offset of the row in it. */
function chunkOf(log: MessageLog, i: number): Float64Array {
  return log.chunks[i >>> CHUNK_BITS] as Float64Array;
}

const offsetOf = (i: number) => (i & ROW_MASK) * ROW;

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
  const c = i >>> CHUNK_BITS;
  let chunk = log.chunks[c];
  // A chunk past a truncation is reused as it is: its old rows are overwritten as they come.
  if (chunk === undefined) {
    chunk = new Float64Array(CHUNK_ROWS * ROW);
    log.chunks.push(chunk);
  }
  const o = (i & ROW_MASK) * ROW;
  chunk[o + SENT_AT] = m.sentAt;
  chunk[o + DELIVER_AT] = deliverAt;
  chunk[o + ID] = m.id;
  chunk[o + SRC] = m.src;
  chunk[o + DST] = m.dst;
  chunk[o + KIND_FATE] = m.kindCode * FATE_CODES + fate;
  chunk[o + SEND_TRACE_ID] = m.sendTraceId;
  chunk[o + FATE_TRACE_ID] = fateTraceId;
  log.payloads[i & PAYLOAD_MASK] = m.payload;
  if (i - log.payloadFloor >= PAYLOAD_WINDOW) log.payloadFloor = i + 1 - PAYLOAD_WINDOW;
}

/** The id of the i-th finished message. */
export function messageIdAt(log: MessageLog, i: number): number {
  return chunkOf(log, i)[offsetOf(i) + ID] as number;
}

/** When the i-th finished message was sent. */
export function sentAtOf(log: MessageLog, i: number): SimTimeMs {
  return chunkOf(log, i)[offsetOf(i) + SENT_AT] as number;
}

/** When the i-th finished message's fate came (its delivery, drop or loss). */
export function decidedAtOf(log: MessageLog, i: number): SimTimeMs {
  return chunkOf(log, i)[offsetOf(i) + DELIVER_AT] as number;
}

/** The payload of the i-th finished message, or `PAYLOAD_NOT_KEPT` if it is out of the window. */
export function payloadAt(log: MessageLog, i: number): unknown {
  if (i < log.payloadFloor || i >= log.count) return PAYLOAD_NOT_KEPT;
  return log.payloads[i & PAYLOAD_MASK];
}

/** The i-th finished message, as an object (its payload may be `PAYLOAD_NOT_KEPT`). */
export function messageAt(log: MessageLog, i: number): MessageRecord {
  const chunk = chunkOf(log, i);
  const o = offsetOf(i);
  const kindFate = chunk[o + KIND_FATE] as number;
  const { fate, dropReason } = FATES[kindFate % FATE_CODES] as (typeof FATES)[number];
  const kindCode = Math.floor(kindFate / FATE_CODES);
  const src = chunk[o + SRC] as number;
  const dst = chunk[o + DST] as number;
  return {
    id: chunk[o + ID] as number,
    kind: kindName(kindCode),
    kindCode,
    from: log.endpointIds[src] as EndpointId,
    to: log.endpointIds[dst] as EndpointId,
    src,
    dst,
    payload: payloadAt(log, i),
    sentAt: chunk[o + SENT_AT] as number,
    deliverAt: chunk[o + DELIVER_AT] as number,
    fate,
    dropReason,
    sendTraceId: chunk[o + SEND_TRACE_ID] as number,
    fateTraceId: chunk[o + FATE_TRACE_ID] as number,
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
    const kindFate = chunkOf(log, i)[offsetOf(i) + KIND_FATE] as number;
    const fate = (FATES[kindFate % FATE_CODES] as (typeof FATES)[number]).fate;
    byFate[fate] = (byFate[fate] ?? 0) + 1;
    const code = Math.floor(kindFate / FATE_CODES);
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
