/**
 * The notice a settings panel shows while its settings differ from the scenario's own: what
 * changed, that the narration describes the scenario's settings, and a button to go back.
 */
import { ActionButton } from './faults/ActionButton';
import './panels.css';

export function SettingsChanged({
  changes,
  restoreTitle,
  onRestore,
}: {
  /** From `changedSettings`; nothing is shown when empty. */
  changes: readonly string[];
  restoreTitle: string;
  onRestore: () => void;
}) {
  if (changes.length === 0) return null;
  return (
    <div className="settings-changed">
      <p>
        Changed from the scenario ({changes.join(', ')}): the narration describes the scenario’s own
        settings.
      </p>
      <ActionButton title={restoreTitle} onClick={onRestore}>
        Restore scenario settings
      </ActionButton>
    </div>
  );
}
