/**
 * Messages in flight and recently dropped. React renders the empty group once; an effect
 * subscribes to the store and redraws it with D3 whenever the playhead or the view moves, so
 * playback never re-renders the React tree for the sake of moving dots.
 */
import { useEffect, useRef } from 'react';
import type { ReplicaState } from '../../store/store';
import { useReplicaStore } from '../StoreContext';
import type { Endpoint } from './clusterLayout';
import { joinMessages } from './messageJoin';
import { messageMarks } from './messageMarks';

export function MessageLayer({
  endpoints,
  reducedMotion,
}: {
  endpoints: ReadonlyMap<string, Endpoint>;
  reducedMotion: boolean;
}) {
  const store = useReplicaStore();
  const groupRef = useRef<SVGGElement>(null);

  useEffect(() => {
    const group = groupRef.current;
    if (group === null) return;
    const draw = ({ view, playhead }: ReplicaState) =>
      joinMessages(
        group,
        messageMarks(view.inFlight, view.recentDrops, playhead, endpoints, reducedMotion),
      );
    draw(store.getState());
    return store.subscribe((state, previous) => {
      if (state.playhead !== previous.playhead || state.view !== previous.view) draw(state);
    });
  }, [store, endpoints, reducedMotion]);

  return <g ref={groupRef} className="cluster__messages" />;
}
