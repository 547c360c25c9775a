/**
 * The store's `hover` is shared by every view. The diagram sets it while the pointer is on one
 * of its arrows, bars or marks, and clears it when the pointer leaves them, but only if the
 * hover is still the one it set: another view's hover is never wiped by this one.
 */
import type { Selection } from '../../../store/store';

const same = (a: Selection, b: Selection) =>
  a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);

/**
 * What to set the shared hover to when the diagram's pointer now names `next`, given the
 * store's `current` hover and the one the diagram set last (`own`); undefined to leave it.
 */
export function hoverChange(
  current: Selection,
  own: Selection,
  next: Selection,
): Selection | undefined {
  if (next === null) return own !== null && same(current, own) ? null : undefined;
  return same(current, next) ? undefined : next;
}
