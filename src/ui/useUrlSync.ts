/**
 * Keep the address bar on the scenario and seed being shown, so reloading or sharing the page
 * reproduces the run. Replaces the history entry: switching scenarios is not navigation.
 */
import { useEffect } from 'react';
import type { ReplicaStore } from '../store/store';
import { startSearch } from './urlParams';

export function useUrlSync(store: ReplicaStore): void {
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.scenario.id === previous.scenario.id && state.seed === previous.seed) return;
        const url = new URL(window.location.href);
        url.search = startSearch(state.scenario.id, state.seed);
        window.history.replaceState(window.history.state, '', url);
      }),
    [store],
  );
}
