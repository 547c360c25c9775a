/**
 * Presenter mode's keys: what a presentation clicker or a keyboard press means on stage. Pure,
 * so it is tested without a DOM. Clickers send PageDown / PageUp; a keyboard has arrows too.
 */
import type { KeyPress } from '../keyboardShortcuts';

export type PresenterCommand = 'next' | 'back' | 'togglePlay' | 'exit';

const KEYS: Record<string, PresenterCommand> = {
  ArrowRight: 'next',
  PageDown: 'next',
  n: 'next',
  N: 'next',
  ArrowLeft: 'back',
  PageUp: 'back',
  p: 'back',
  P: 'back',
  b: 'back',
  B: 'back',
  ' ': 'togglePlay',
  k: 'togglePlay',
  K: 'togglePlay',
  Escape: 'exit',
};

/** The keys, for the hint shown on stage and for `aria-keyshortcuts`. */
export const PRESENTER_KEY_HINT =
  '→ or Page Down: next step · ← or Page Up: back · Space: play or pause · Esc: leave';

export function presenterCommandFor(press: KeyPress): PresenterCommand | null {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  const command = KEYS[press.key];
  if (command === undefined) return null;
  // A focused button owns Space (it presses it), and a field owns its keys, except Esc.
  const inField =
    press.targetTag === 'INPUT' ||
    press.targetTag === 'SELECT' ||
    press.targetTag === 'TEXTAREA' ||
    press.targetEditable;
  if (inField && command !== 'exit') return null;
  const onButton = press.targetTag === 'BUTTON' || press.targetRole === 'button';
  if (command === 'togglePlay' && onButton && press.key === ' ') return null;
  return command;
}
