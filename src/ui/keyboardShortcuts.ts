/** Which playback command a key press asks for, if any: pure, so it is tested without a DOM. */

export type ShortcutCommand =
  | 'togglePlay'
  | 'stepForward'
  | 'stepBack'
  | 'jumpToStart'
  | 'faster'
  | 'slower';

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** Tag name of the focused element, upper case as the DOM gives it. */
  targetTag: string;
  /** The focused element's ARIA role, if it has one. */
  targetRole: string | null;
  targetEditable: boolean;
}

const COMMANDS: Record<string, ShortcutCommand> = {
  ' ': 'togglePlay',
  ArrowRight: 'stepForward',
  ArrowLeft: 'stepBack',
  Home: 'jumpToStart',
  '+': 'faster',
  // The same key without Shift, on most layouts.
  '=': 'faster',
  '-': 'slower',
};

/** The shortcuts, for hints shown next to the controls (`aria-keyshortcuts` syntax). */
export const SHORTCUT_KEYS: Record<ShortcutCommand, string> = {
  togglePlay: 'Space',
  stepForward: 'ArrowRight',
  stepBack: 'ArrowLeft',
  jumpToStart: 'Home',
  faster: '+',
  slower: '-',
};

// Fields own their keys: arrows move a text caret or a slider, Space types or opens a list.
const FIELD_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

export function shortcutFor(press: KeyPress): ShortcutCommand | null {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  if (FIELD_TAGS.has(press.targetTag) || press.targetEditable) return null;
  const command = COMMANDS[press.key];
  if (command === undefined) return null;
  // Space on a focused button presses that button; taking it over would press two things.
  if (command === 'togglePlay' && (press.targetTag === 'BUTTON' || press.targetRole === 'button')) {
    return null;
  }
  return command;
}
