/** Jump to start, step back, play / pause, step forward: the transport buttons. */
import type { ReplicaState } from '../../store/store';
import { SHORTCUT_KEYS } from '../keyboardShortcuts';
import { useReplica, useReplicaStore } from '../StoreContext';
import { Icon } from './Icon';

const selectPlaying = (s: ReplicaState) => s.playing;

export function PlaybackButtons() {
  const store = useReplicaStore();
  const playing = useReplica(selectPlaying);
  const act = (command: 'jumpToStart' | 'stepBack' | 'togglePlay' | 'stepForward') => () =>
    store.getState()[command]();
  return (
    <div className="transport">
      <button
        type="button"
        className="icon-button"
        aria-label="Jump to start"
        aria-keyshortcuts={SHORTCUT_KEYS.jumpToStart}
        title="Jump to start (Home)"
        onClick={act('jumpToStart')}
      >
        <Icon name="start" />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Step back"
        aria-keyshortcuts={SHORTCUT_KEYS.stepBack}
        title="Step back one event (←)"
        onClick={act('stepBack')}
      >
        <Icon name="back" />
      </button>
      <button
        type="button"
        className="icon-button icon-button--primary"
        aria-label={playing ? 'Pause' : 'Play'}
        aria-keyshortcuts={SHORTCUT_KEYS.togglePlay}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        onClick={act('togglePlay')}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Step forward"
        aria-keyshortcuts={SHORTCUT_KEYS.stepForward}
        title="Step forward one event (→)"
        onClick={act('stepForward')}
      >
        <Icon name="forward" />
      </button>
    </div>
  );
}
