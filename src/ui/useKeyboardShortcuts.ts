/** Page-wide keys for playback: Space, ArrowRight, ArrowLeft, Home (see keyboardShortcuts.ts). */
import { useEffect } from 'react';
import type { ReplicaStore } from '../store/store';
import { shortcutFor } from './keyboardShortcuts';
import { keyPressOf } from './keyPress';

export function useKeyboardShortcuts(store: ReplicaStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = shortcutFor(keyPressOf(event));
      if (command === null) return;
      // Space would scroll the page and Home jump to its top: the keys are ours here.
      event.preventDefault();
      store.getState()[command]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
