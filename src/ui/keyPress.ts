/** A keyboard event as the pure shortcut rules read it (see keyboardShortcuts.ts). */
import type { KeyPress } from './keyboardShortcuts';

export function keyPressOf(event: KeyboardEvent): KeyPress {
  const target = event.target instanceof HTMLElement ? event.target : null;
  return {
    key: event.key,
    altKey: event.altKey,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    shiftKey: event.shiftKey,
    targetTag: target?.tagName ?? '',
    targetRole: target?.getAttribute('role') ?? null,
    targetEditable: target?.isContentEditable ?? false,
  };
}
