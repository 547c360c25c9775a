/**
 * Linearizability decided the slow, obvious way, to check the real search against: try every
 * order of every allowed set of operations of the whole history (all keys at once). Only for
 * histories of a handful of operations.
 */
import type { HistoryOp, Value } from '../../engine/types';

interface Op {
  key: string;
  f: 'read' | 'write';
  value: Value;
  call: number;
  ret: number;
  /** May have taken effect or not (an indeterminate write). */
  optional: boolean;
}

function operations(history: readonly HistoryOp[]): Op[] {
  const done = new Map(history.filter((h) => h.type !== 'invoke').map((h) => [h.opId, h]));
  const ops: Op[] = [];
  for (const inv of history) {
    if (inv.type !== 'invoke') continue;
    const end = done.get(inv.opId);
    const status = end?.type ?? 'info';
    if (status === 'fail') continue;
    if (inv.f === 'read' && status !== 'ok') continue;
    const optional = status !== 'ok';
    ops.push({
      key: inv.key,
      f: inv.f,
      value: inv.f === 'read' ? (end as HistoryOp).value : inv.value,
      call: inv.index,
      ret: optional ? Number.POSITIVE_INFINITY : (end as HistoryOp).index,
      optional,
    });
  }
  return ops;
}

/** Does this order respect real time, and does a register per key explain every read? */
function legal(order: readonly Op[]): boolean {
  for (let i = 0; i < order.length; i++)
    for (let j = i + 1; j < order.length; j++)
      if ((order[j] as Op).ret < (order[i] as Op).call) return false;
  const registers = new Map<string, Value>();
  for (const op of order) {
    if (op.f === 'write') registers.set(op.key, op.value);
    else if ((registers.get(op.key) ?? null) !== op.value) return false;
  }
  return true;
}

function someOrder(chosen: Op[], prefix: Op[]): boolean {
  if (chosen.length === 0) return legal(prefix);
  return chosen.some((op, i) =>
    someOrder([...chosen.slice(0, i), ...chosen.slice(i + 1)], [...prefix, op]),
  );
}

export function bruteForceLinearizable(history: readonly HistoryOp[]): boolean {
  const ops = operations(history);
  const required = ops.filter((o) => !o.optional);
  const optional = ops.filter((o) => o.optional);
  for (let mask = 0; mask < 1 << optional.length; mask++) {
    const chosen = [...required, ...optional.filter((_, i) => (mask >> i) & 1)];
    if (someOrder(chosen, [])) return true;
  }
  return false;
}
