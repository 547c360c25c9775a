/** Jump to start, step back, play / pause, step forward: the transport buttons. */
import type { ReplicaState } from '../../store/store';
import { SHORTCUT_KEYS } from '../keyboardShortcuts';
import { useReplica, useReplicaStore } from '../StoreContext';
import { Icon, type IconName } from './Icon';

const selectPlaying = (s: ReplicaState) => s.playing;

type Command = keyof typeof SHORTCUT_KEYS;

interface TransportButtonProps {
  command: Command;
  label: string;
  title: string;
  icon: IconName;
  primary?: boolean;
}

function TransportButton({ command, label, title, icon, primary = false }: TransportButtonProps) {
  const store = useReplicaStore();
  return (
    <button
      type="button"
      className={primary ? 'icon-button icon-button--primary' : 'icon-button'}
      aria-label={label}
      aria-keyshortcuts={SHORTCUT_KEYS[command]}
      title={title}
      onClick={() => store.getState()[command]()}
    >
      <Icon name={icon} />
    </button>
  );
}

export function PlaybackButtons() {
  const playing = useReplica(selectPlaying);
  return (
    <div className="transport">
      <TransportButton
        command="jumpToStart"
        label="Jump to start"
        title="Jump to start (Home)"
        icon="start"
      />
      <TransportButton
        command="stepBack"
        label="Step back"
        title="Step back one event (←)"
        icon="back"
      />
      <TransportButton
        command="togglePlay"
        label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        icon={playing ? 'pause' : 'play'}
        primary
      />
      <TransportButton
        command="stepForward"
        label="Step forward"
        title="Step forward one event (→)"
        icon="forward"
      />
    </div>
  );
}
