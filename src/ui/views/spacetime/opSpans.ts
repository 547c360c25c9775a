/**
 * Client operations as spans on their client's lane, from invoke to response (Jepsen's
 * invoke / ok / fail / info). An operation still waiting at time t runs up to the playhead.
 */
import type { HistoryOp, Value } from '../../../engine/types';
import type { TimeWindow } from './timeWindow';

export type SpanOutcome = 'ok' | 'fail' | 'info' | 'pending';

export interface OpSpan {
  opId: number;
  client: string;
  f: 'read' | 'write';
  key: string;
  /** The value written, or for a completed read the value read (null: absent or unknown). */
  value: Value;
  startMs: number;
  /** Null while the operation waits for its answer. */
  endMs: number | null;
  outcome: SpanOutcome;
  /** The node that answered, and why it failed, when known. */
  node?: string;
  error?: string;
}

/** Pair each invoke with its completion, in invoke order. */
export function opSpans(history: readonly HistoryOp[]): OpSpan[] {
  const spans: OpSpan[] = [];
  const open = new Map<number, OpSpan>();
  for (const h of history) {
    if (h.type === 'invoke') {
      const span: OpSpan = {
        opId: h.opId,
        client: h.process,
        f: h.f,
        key: h.key,
        value: h.f === 'write' ? h.value : null,
        startMs: h.time,
        endMs: null,
        outcome: 'pending',
      };
      spans.push(span);
      open.set(h.opId, span);
      continue;
    }
    const span = open.get(h.opId);
    if (span === undefined) continue;
    open.delete(h.opId);
    span.endMs = h.time;
    span.outcome = h.type;
    if (h.f === 'read' && h.type === 'ok') span.value = h.value;
    if (h.node !== undefined) span.node = h.node;
    if (h.error !== undefined) span.error = h.error;
  }
  return spans;
}

/** A short label: what was written, or what was read. */
export function spanLabel(span: OpSpan): string {
  const value = span.value === null ? '∅' : String(span.value);
  if (span.f === 'write') return `W ${span.key} = ${value}`;
  return span.outcome === 'ok' ? `R ${span.key} → ${value}` : `R ${span.key}`;
}

export interface SpanBox {
  span: OpSpan;
  x1: number;
  x2: number;
  y: number;
}

/** Boxes for the spans that show in the window at time t (waiting ones end at t). */
export function spanBoxes(
  spans: readonly OpSpan[],
  t: number,
  w: TimeWindow,
  x: (ms: number) => number,
  laneY: ReadonlyMap<string, number>,
): SpanBox[] {
  const out: SpanBox[] = [];
  const windowEnd = w.startMs + w.spanMs;
  for (const span of spans) {
    const end = span.endMs ?? t;
    if (span.startMs > windowEnd || end < w.startMs) continue;
    const y = laneY.get(span.client);
    if (y === undefined) continue;
    out.push({ span, x1: x(span.startMs), x2: x(end), y });
  }
  return out;
}
