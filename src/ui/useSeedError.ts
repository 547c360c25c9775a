/**
 * The current complaint about a seed, starting with one from the page address. A new run (another
 * scenario, or a good seed) makes an old complaint moot, so it is cleared when the run changes.
 */
import { useEffect, useState } from 'react';
import type { ReplicaStore } from '../store/store';

export function useSeedError(store: ReplicaStore, initial: string | null) {
  const [seedError, setSeedError] = useState(initial);
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.scenario.id !== previous.scenario.id || state.seed !== previous.seed) {
          setSeedError(null);
        }
      }),
    [store],
  );
  return [seedError, setSeedError] as const;
}
