/** Page-wide keys for playback: Space, ArrowRight, ArrowLeft, Home (see keyboardShortcuts.ts). */
import { useEffect } from 'react';
import type { ReplicaStore } from '../store/store';
import { shortcutFor } from './keyboardShortcuts';

export function useKeyboardShortcuts(store: ReplicaStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const command = shortcutFor({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        targetTag: target?.tagName ?? '',
        targetRole: target?.getAttribute('role') ?? null,
        targetEditable: target?.isContentEditable ?? false,
      });
      if (command === null) return;
      // Space would scroll the page and Home jump to its top: the keys are ours here.
      event.preventDefault();
      store.getState()[command]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
