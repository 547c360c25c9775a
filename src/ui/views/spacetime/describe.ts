/** Words for what the diagram shows: tooltips and the region's running summary. */
import type { TimelineMessage } from '../../../store/timeline';
import type { Hit } from './hitTest';
import type { OpSpan } from './opSpans';
import type { Scene } from './scene';

const ms = (t: number) => `${Math.round(t)} ms`;

export function messageTooltip(m: TimelineMessage): string {
  const head = `${m.kind} ${m.from} → ${m.to}, sent ${ms(m.sentAt)}`;
  if (m.fate === 'delivered') return `${head}, delivered ${ms(m.deliverAt)}`;
  if (m.fate === 'in-flight') return `${head}, in flight (due ${ms(m.deliverAt)})`;
  return `${head}, ${m.fate} at ${ms(m.deliverAt)}${m.dropReason ? ` (${m.dropReason})` : ''}`;
}

export function opTooltip(span: OpSpan): string {
  const value = span.value === null ? 'nothing' : `"${span.value}"`;
  const what =
    span.f === 'write'
      ? `write ${span.key} = ${value}`
      : span.outcome === 'ok'
        ? `read ${span.key}, got ${value}`
        : `read ${span.key}`;
  const outcome =
    span.endMs === null
      ? 'waiting'
      : `${span.outcome} at ${ms(span.endMs)}${span.node ? ` from ${span.node}` : ''}`;
  const error = span.error ? ` (${span.error})` : '';
  return `${span.client}: ${what}, invoked ${ms(span.startMs)}, ${outcome}${error}`;
}

export function hitTooltip(hit: Hit): string {
  if (hit.kind === 'message') return messageTooltip(hit.arrow.message);
  if (hit.kind === 'op') return opTooltip(hit.span);
  const { node, t, type } = hit.mark;
  return `${node} ${type === 'crash' ? 'crashed' : 'restarted'} at ${ms(t)}`;
}

/** One sentence for screen readers and tests: how much is in view. */
export function sceneSummary(scene: Scene): string {
  const { startMs, spanMs } = scene.window;
  const n = scene.arrows.length;
  const ops = scene.spans.length;
  return `${n} ${n === 1 ? 'message' : 'messages'} and ${ops} ${ops === 1 ? 'operation' : 'operations'} shown, from ${ms(startMs)} to ${ms(startMs + spanMs)}.`;
}
