/**
 * One replica store per mounted app (so tests and side-by-side views each get their own),
 * handed down through React context. Components read it with `useReplica(selector)`; wrap a
 * selector that builds an object or array in `useShallow` so equal contents do not re-render.
 */
import { createContext, type ReactNode, useContext, useState } from 'react';
import { useStore } from 'zustand';
import { createReplicaStore, type ReplicaState, type ReplicaStore } from '../store/store';
import { storeForLink } from './share/openLink';
import type { StartParams } from './urlParams';

const StoreContext = createContext<ReplicaStore | null>(null);

/**
 * Make the store for a start request; an unknown scenario id, or a broken share link, leaves a
 * notice saying so.
 */
export function storeFor(start: StartParams): ReplicaStore {
  if (start.run !== null) return storeForLink(start.run);
  return createReplicaStore(start.scenarioId ?? undefined, start.seed ?? undefined);
}

export function StoreProvider({ start, children }: { start: StartParams; children: ReactNode }) {
  // useState's initialiser runs once per mounted app: the store lives as long as the app does.
  const [store] = useState(() => storeFor(start));
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The raw store, for effects that subscribe outside React's render (animation, D3 layers). */
export function useReplicaStore(): ReplicaStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useReplicaStore: no <StoreProvider> above this component');
  return store;
}

/** Select a slice of the store; the component re-renders only when the slice changes. */
export function useReplica<T>(selector: (state: ReplicaState) => T): T {
  return useStore(useReplicaStore(), selector);
}
