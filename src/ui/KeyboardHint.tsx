/** A reminder of the playback keys (handled by useKeyboardShortcuts). */
export function KeyboardHint() {
  return (
    <p className="keyboard-hint">
      <kbd>Space</kbd> play/pause · <kbd>←</kbd> <kbd>→</kbd> step · <kbd>Home</kbd> start ·{' '}
      <kbd>+</kbd> <kbd>−</kbd> speed
    </p>
  );
}
