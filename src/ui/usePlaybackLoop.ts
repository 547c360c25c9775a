/**
 * Drives playback from the display's frame clock: while the store says `playing`, each
 * animation frame advances the simulation by the real time since the previous frame. The loop
 * runs only while playing, so an idle page costs nothing.
 */
import { useEffect } from 'react';
import type { ReplicaStore } from '../store/store';

/**
 * Longest real gap one frame may account for. After a tab switch or a breakpoint the browser
 * reports seconds between frames; replaying all of it at once would look like a jump cut.
 */
export const MAX_FRAME_GAP_MS = 100;

export function usePlaybackLoop(store: ReplicaStore): void {
  useEffect(() => {
    let frame: number | null = null;
    let lastFrameAt: number | null = null;

    const tick = (now: number) => {
      if (lastFrameAt !== null) {
        store.getState().advance(Math.min(MAX_FRAME_GAP_MS, Math.max(0, now - lastFrameAt)));
      }
      lastFrameAt = now;
      frame = store.getState().playing ? requestAnimationFrame(tick) : null;
    };
    const start = () => {
      if (frame !== null) return;
      // The first frame only takes a time reading: time spent paused must not count.
      lastFrameAt = null;
      frame = requestAnimationFrame(tick);
    };
    const stop = () => {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
    };

    if (store.getState().playing) start();
    const unsubscribe = store.subscribe(
      (state) => state.playing,
      (playing) => (playing ? start() : stop()),
    );
    return () => {
      unsubscribe();
      stop();
    };
  }, [store]);
}
