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

/**
 * Pairs invokes with completions as a history grows. The view hands over a fresh copy of the
 * history on every change, so `update` extends the spans from the entries it has not seen when
 * the copy starts with the same entries (playing on), and starts over when it does not (a seek
 * back, or another run): playing a long run costs the new entries, not the whole history.
 */
export interface OpSpanTracker {
  update(history: readonly HistoryOp[]): OpSpan[];
}

export function createOpSpanTracker(): OpSpanTracker {
  let spans: OpSpan[] = [];
  let open = new Map<number, OpSpan>();
  let seen: readonly HistoryOp[] = [];
  return {
    update(history) {
      const last = seen.length - 1;
      const continues = history.length >= seen.length && (last < 0 || history[last] === seen[last]);
      if (!continues) {
        spans = [];
        open = new Map();
      }
      for (let i = continues ? seen.length : 0; i < history.length; i++) {
        addEntry(spans, open, history[i] as HistoryOp);
      }
      seen = history;
      return spans;
    },
  };
}

function addEntry(spans: OpSpan[], open: Map<number, OpSpan>, h: HistoryOp): void {
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
    return;
  }
  const span = open.get(h.opId);
  if (span === undefined) return;
  open.delete(h.opId);
  span.endMs = h.time;
  span.outcome = h.type;
  if (h.f === 'read' && h.type === 'ok') span.value = h.value;
  if (h.node !== undefined) span.node = h.node;
  if (h.error !== undefined) span.error = h.error;
}

/** Pair each invoke with its completion, in invoke order. */
export function opSpans(history: readonly HistoryOp[]): OpSpan[] {
  return createOpSpanTracker().update(history);
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
