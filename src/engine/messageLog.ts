/**
 * Messages whose fate is decided, stored as columns: numbers in typed arrays, strings (which
 * are shared: a handful of kinds and endpoint names) in plain arrays. A long run sends millions of messages; kept as objects they would be most of
 * the heap and most of the garbage collector's work. Readers get `Message` objects on demand.
 */
import type { DropReason, EndpointId, Message, MessageFate } from './types';

/** What is kept of a message once its fate is decided. */
export type MessageRecord = Pick<
  Message,
  | 'id'
  | 'kind'
  | 'from'
  | 'to'
  | 'payload'
  | 'sentAt'
  | 'deliverAt'
  | 'fate'
  | 'dropReason'
  | 'sendTraceId'
  | 'fateTraceId'
>;

export interface MessageLog {
  count: number;
  id: Int32Array;
  kind: string[];
  from: EndpointId[];
  to: EndpointId[];
  sentAt: Float64Array;
  deliverAt: Float64Array;
  /** Fate and drop reason in one code: see `FATES`. */
  fate: Uint8Array;
  sendTraceId: Int32Array;
  fateTraceId: Int32Array;
  payload: unknown[];
}

const FATES: ReadonlyArray<{ fate: MessageFate; dropReason?: DropReason }> = [
  { fate: 'delivered' },
  { fate: 'dropped', dropReason: 'partition' },
  { fate: 'dropped', dropReason: 'loss' },
  { fate: 'lost', dropReason: 'crash' },
];

function fateCode(m: MessageRecord): number {
  if (m.fate === 'delivered') return 0;
  if (m.dropReason === 'partition') return 1;
  if (m.dropReason === 'loss') return 2;
  return 3;
}

const INITIAL_CAPACITY = 1024;

export function emptyMessageLog(): MessageLog {
  const n = INITIAL_CAPACITY;
  return {
    count: 0,
    id: new Int32Array(n),
    kind: [],
    from: [],
    to: [],
    sentAt: new Float64Array(n),
    deliverAt: new Float64Array(n),
    fate: new Uint8Array(n),
    sendTraceId: new Int32Array(n),
    fateTraceId: new Int32Array(n),
    payload: [],
  };
}

function doubled<T extends Int32Array | Float64Array | Uint8Array>(
  old: T,
  make: (n: number) => T,
): T {
  const bigger = make(old.length * 2);
  bigger.set(old);
  return bigger;
}

/**
 * Double every column. Written out field by field on purpose: assigning through a computed key
 * would turn the log into a dictionary-mode object and slow every later access.
 */
function grow(log: MessageLog): void {
  const i32 = (n: number) => new Int32Array(n);
  const f64 = (n: number) => new Float64Array(n);
  const u8 = (n: number) => new Uint8Array(n);
  log.id = doubled(log.id, i32);
  log.sentAt = doubled(log.sentAt, f64);
  log.deliverAt = doubled(log.deliverAt, f64);
  log.fate = doubled(log.fate, u8);
  log.sendTraceId = doubled(log.sendTraceId, i32);
  log.fateTraceId = doubled(log.fateTraceId, i32);
}

/** Record a message whose fate was just decided. */
export function pushMessage(log: MessageLog, m: MessageRecord): void {
  if (log.count === log.id.length) grow(log);
  const i = log.count++;
  log.id[i] = m.id;
  log.kind.push(m.kind);
  log.from.push(m.from);
  log.to.push(m.to);
  log.sentAt[i] = m.sentAt;
  log.deliverAt[i] = m.deliverAt;
  log.fate[i] = fateCode(m);
  log.sendTraceId[i] = m.sendTraceId;
  log.fateTraceId[i] = m.fateTraceId;
  log.payload.push(m.payload);
}

/** The i-th finished message, as an object. */
export function messageAt(log: MessageLog, i: number): MessageRecord {
  const { fate, dropReason } = FATES[log.fate[i] as number] as (typeof FATES)[number];
  return {
    id: log.id[i] as number,
    kind: log.kind[i] as string,
    from: log.from[i] as EndpointId,
    to: log.to[i] as EndpointId,
    payload: log.payload[i],
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
  const byKind: Record<string, number> = {};
  for (let i = 0; i < log.count; i++) {
    const fate = (FATES[log.fate[i] as number] as (typeof FATES)[number]).fate;
    byFate[fate] = (byFate[fate] ?? 0) + 1;
    const kind = log.kind[i] as string;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  return { byFate, byKind };
}

/** Forget every message from index `count` on (restoring a checkpoint). */
export function truncateMessages(log: MessageLog, count: number): void {
  log.count = Math.min(log.count, count);
  log.payload.length = log.count;
  log.kind.length = log.count;
  log.from.length = log.count;
  log.to.length = log.count;
}
