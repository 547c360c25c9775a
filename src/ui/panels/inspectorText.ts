/** The inspector's sentences about messages, clients and nodes: plain text, tested alone. */
import type { HistoryOp } from '../../engine/types';
import type { ClientInspection } from '../../store/inspect';
import type { MessageView, NodeView } from '../../store/view';
import { formatValue } from '../format';

const DROP_REASONS: Record<string, string> = {
  partition: 'the link was cut (a network partition)',
  loss: 'lost on the way (the link drops a share of its messages)',
  crash: 'its sender or receiver crashed while it was on the way',
};

/** The message's fate in words, e.g. "delivered at 130 ms". */
export function fateText(m: MessageView): string {
  if (m.fate === 'in-flight') return `in flight, due at ${m.deliverAt} ms`;
  if (m.fate === 'delivered') return `delivered at ${m.deliverAt} ms`;
  const why = m.dropReason ? `: ${DROP_REASONS[m.dropReason] ?? m.dropReason}` : '';
  return `${m.fate} at ${m.deliverAt} ms${why}`;
}

/** What a client waits for, e.g. "write k = v → leader, since 100 ms, gives up at 1100 ms". */
export function pendingText(c: ClientInspection): string {
  const p = c.pending;
  if (p === null) return 'idle';
  const op = p.f === 'write' ? `write ${p.key} = ${formatValue(p.value)}` : `read ${p.key}`;
  const retry = p.attempt > 0 ? `, attempt ${p.attempt + 1}` : '';
  return `${op} → ${p.target}${retry}, since ${p.invokedAt} ms, gives up at ${p.deadline} ms`;
}

/** One history entry, e.g. "ok write k = v (leader)"; leaderless values read through `valueText`. */
export function historyText(
  op: HistoryOp,
  valueText: (value: HistoryOp['value']) => string = formatValue,
): string {
  const what =
    op.f === 'write'
      ? `write ${op.key} = ${valueText(op.value)}`
      : op.type === 'ok'
        ? `read ${op.key} → ${valueText(op.value)}`
        : `read ${op.key}`;
  const from = op.node && op.type !== 'invoke' ? ` (${op.node})` : '';
  const error = op.error ? `: ${op.error}` : '';
  return `${op.type} ${what}${from}${error}`;
}

/** A follower's lag, e.g. "2 positions behind, 150 ms behind". */
export function lagText(node: NodeView): string {
  if (node.lagPositions === 0) return 'none';
  const ms =
    node.lagMs === null ? 'time unknown (only in the leader snapshot)' : `${node.lagMs} ms behind`;
  return `${node.lagPositions} position${node.lagPositions === 1 ? '' : 's'} behind, ${ms}`;
}
