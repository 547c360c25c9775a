import { describe, expect, it } from 'vitest';
import { type KeyPress, shortcutFor } from './keyboardShortcuts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  targetTag: 'BODY',
  targetRole: null,
  targetEditable: false,
  ...more,
});

describe('shortcutFor', () => {
  it('maps the playback keys', () => {
    expect(shortcutFor(press(' '))).toBe('togglePlay');
    expect(shortcutFor(press('ArrowRight'))).toBe('stepForward');
    expect(shortcutFor(press('ArrowLeft'))).toBe('stepBack');
    expect(shortcutFor(press('Home'))).toBe('jumpToStart');
    expect(shortcutFor(press('+'))).toBe('faster');
    expect(shortcutFor(press('='))).toBe('faster');
    expect(shortcutFor(press('-'))).toBe('slower');
    expect(shortcutFor(press('a'))).toBeNull();
  });

  it('leaves keys to fields and editable text', () => {
    for (const targetTag of ['INPUT', 'SELECT', 'TEXTAREA']) {
      expect(shortcutFor(press('ArrowRight', { targetTag }))).toBeNull();
    }
    expect(shortcutFor(press(' ', { targetTag: 'DIV', targetEditable: true }))).toBeNull();
  });

  it('leaves Space to a focused button, but still steps with arrows there', () => {
    expect(shortcutFor(press(' ', { targetTag: 'BUTTON' }))).toBeNull();
    expect(shortcutFor(press(' ', { targetTag: 'DIV', targetRole: 'button' }))).toBeNull();
    expect(shortcutFor(press('ArrowLeft', { targetTag: 'BUTTON' }))).toBe('stepBack');
  });

  it('ignores chords, which belong to the browser', () => {
    expect(shortcutFor(press('ArrowLeft', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('Home', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press(' ', { metaKey: true }))).toBeNull();
  });
});
