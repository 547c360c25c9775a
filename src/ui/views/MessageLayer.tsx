/**
 * Messages in flight and recently dropped; clicking one selects it. React renders the empty group once; an effect
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
    const draw = ({ view, playhead, selection }: ReplicaState) =>
      joinMessages(
        group,
        messageMarks(view.inFlight, view.recentDrops, playhead, endpoints, reducedMotion),
        selection?.kind === 'message' ? selection.id : null,
      );
    draw(store.getState());
    // One listener for every mark: a click selects the message for the inspector.
    const onClick = (event: MouseEvent) => {
      const mark = (event.target as Element).closest('g.msg');
      const id = mark?.getAttribute('data-id');
      if (id) store.getState().select({ kind: 'message', id });
    };
    group.addEventListener('click', onClick);
    const unsubscribe = store.subscribe((state, previous) => {
      if (
        state.playhead !== previous.playhead ||
        state.view !== previous.view ||
        state.selection !== previous.selection
      ) {
        draw(state);
      }
    });
    return () => {
      unsubscribe();
      group.removeEventListener('click', onClick);
    };
  }, [store, endpoints, reducedMotion]);

  return <g ref={groupRef} className="cluster__messages" />;
}
