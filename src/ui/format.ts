/** Short, plain-text renderings of simulation values for labels, tables and lists. */
import type { HistoryOp, Value } from '../engine/types';
import type { ClientView } from '../store/view';

/** A stored value; `null` means the key is absent. */
export function formatValue(value: Value | undefined): string {
  if (value === null || value === undefined) return '∅';
  return typeof value === 'string' ? value : String(value);
}

/** Whole simulated milliseconds, e.g. "t = 1234 ms". */
export function formatTime(t: number): string {
  return `t = ${Math.floor(t)} ms`;
}

/** Speeds as the control shows them: "0.1x", "1x", "10x". */
export function formatSpeed(speed: number): string {
  return `${Number(speed.toFixed(2))}x`;
}

/** A completed operation, e.g. "user-1234 write users.1234.picture_url = me-new.jpg → ok". */
export function formatCompletion(op: HistoryOp): string {
  const outcome = op.type === 'ok' ? 'ok' : op.error ? `${op.type} (${op.error})` : op.type;
  if (op.f === 'write') {
    return `${op.process} write ${op.key} = ${formatValue(op.value)} → ${outcome}`;
  }
  const read = op.type === 'ok' ? ` ${formatValue(op.value)}` : '';
  return `${op.process} read ${op.key} → ${outcome}${read}`;
}

/** What a client is waiting for, e.g. "write users.1234.bio = x → leader". */
export function formatPending(pending: NonNullable<ClientView['pending']>): string {
  const op =
    pending.f === 'write'
      ? `write ${pending.key} = ${formatValue(pending.value)}`
      : `read ${pending.key}`;
  return `${op} → ${pending.target}`;
}

/** Completed operations, most recent last, at most `limit` of them. */
export function recentCompletions(history: readonly HistoryOp[], limit: number): HistoryOp[] {
  const done: HistoryOp[] = [];
  for (let i = history.length - 1; i >= 0 && done.length < limit; i--) {
    const op = history[i] as HistoryOp;
    if (op.type !== 'invoke') done.push(op);
  }
  return done.reverse();
}
