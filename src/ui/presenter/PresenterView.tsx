/**
 * Presenter mode: the cluster view across the whole screen, the narration step in large type
 * under it, no other chrome; full screen where the browser allows it. Driven from the keyboard
 * or a clicker (next and back step, play and pause, Esc to leave), with a laser-pointer dot
 * following the pointer. Motion follows the user's reduced-motion setting like everywhere else.
 */
import { useEffect, useRef } from 'react';
import type { ReplicaState, ReplicaStore } from '../../store/store';
import { formatTime } from '../format';
import { keyPressOf } from '../keyPress';
import { NarrationPanel } from '../panels/NarrationPanel';
import { useReplica, useReplicaStore } from '../StoreContext';
import { TourEffects } from '../tour/TourEffects';
import { tourBack, tourNext } from '../tour/tourNavigation';
import { usePlaybackLoop } from '../usePlaybackLoop';
import { ClusterView } from '../views/ClusterView';
import { LaserPointer } from './LaserPointer';
import { PRESENTER_KEY_HINT, presenterCommandFor } from './presenterKeys';
import './presenter.css';

const selectPlaying = (s: ReplicaState) => s.playing;
const selectTimeMs = (s: ReplicaState) => Math.floor(s.playhead);

function usePresenterKeys(store: ReplicaStore, onExit: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = presenterCommandFor(keyPressOf(event));
      if (command === null) return;
      event.preventDefault();
      if (command === 'next') tourNext(store);
      else if (command === 'back') tourBack(store);
      else if (command === 'togglePlay') store.getState().togglePlay();
      else onExit();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, onExit]);
}

/** Full screen while presenting, where allowed; leaving full screen (Esc) leaves presenting. */
function useFullScreen(onExit: () => void): void {
  useEffect(() => {
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement !== null) entered = true;
      else if (entered) onExit();
    };
    document.addEventListener('fullscreenchange', onChange);
    // Refused in an iframe without permission, or without a user gesture: the mode works anyway.
    document.documentElement.requestFullscreen?.().catch(() => {});
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement !== null) document.exitFullscreen().catch(() => {});
    };
  }, [onExit]);
}

function PresenterStatus() {
  const playing = useReplica(selectPlaying);
  const t = useReplica(selectTimeMs);
  return (
    <p className="presenter__status">
      <span>{playing ? 'Playing' : 'Paused'}</span> <output aria-live="off">{formatTime(t)}</output>
    </p>
  );
}

export function PresenterView({ onExit }: { onExit: () => void }) {
  const store = useReplicaStore();
  const stageRef = useRef<HTMLElement>(null);
  usePlaybackLoop(store);
  usePresenterKeys(store, onExit);
  useFullScreen(onExit);
  return (
    <div
      className="presenter"
      aria-keyshortcuts="ArrowRight PageDown ArrowLeft PageUp Space Escape"
    >
      <h1 className="visually-hidden">Replica Lab, presenter mode</h1>
      <main ref={stageRef} className="presenter__stage">
        <ClusterView />
        <LaserPointer stageRef={stageRef} />
      </main>
      <div className="presenter__caption">
        <NarrationPanel />
        <PresenterStatus />
      </div>
      <p className="presenter__hint">{PRESENTER_KEY_HINT}</p>
      <button
        type="button"
        className="button button--small presenter__exit"
        title="Leave presenter mode and full screen (Esc)"
        onClick={onExit}
      >
        Leave presenter mode
      </button>
      <TourEffects />
    </div>
  );
}
