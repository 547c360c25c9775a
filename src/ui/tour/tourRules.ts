/**
 * Tours, the pure part: whether a step that asks the user to act has been answered, and which
 * operations a step picks out. A step's point in the run is its `at`; the rest is the store's.
 */
import type { HistoryOp, Input } from '../../engine/types';
import type { NarrationStep } from '../../scenarios/schema';

type Wait = NonNullable<NarrationStep['waitFor']>;

/** Does `input` do what `wait` asks? */
function answers(wait: Wait, input: Input): boolean {
  if (input.type === 'client-op') {
    return input.op.f === wait.action && (wait.on === undefined || input.client === wait.on);
  }
  if (input.type !== wait.action) return false;
  if (wait.on === undefined) return true;
  return 'node' in input ? input.node === wait.on : 'from' in input && input.from === wait.on;
}

/**
 * A step is answered once the user has done what it asks, at or after the step's time and by
 * now. Inputs are part of the run: going back before the action un-answers the step, and going
 * forward again answers it again.
 */
export function stepAnswered(step: NarrationStep, inputs: readonly Input[], now: number): boolean {
  const wait = step.waitFor;
  if (wait === undefined) return true;
  return inputs.some((input) => input.at >= step.at && input.at <= now && answers(wait, input));
}

/** The operations (by op id) on the keys a step focuses on, invoked so far. */
export function focusedOps(
  step: NarrationStep | undefined,
  history: readonly HistoryOp[],
): number[] {
  const keys = new Set(step?.focus?.keys ?? []);
  if (keys.size === 0) return [];
  const ops = new Set<number>();
  for (const op of history) if (keys.has(op.key)) ops.add(op.opId);
  return [...ops];
}
