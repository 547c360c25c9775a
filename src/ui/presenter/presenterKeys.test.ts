import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../keyboardShortcuts';
import { presenterCommandFor } from './presenterKeys';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  targetTag: 'BODY',
  targetRole: null,
  targetEditable: false,
  ...extra,
});

describe('presenter keys', () => {
  it.each([
    ['PageDown', 'next'],
    ['ArrowRight', 'next'],
    ['PageUp', 'back'],
    ['ArrowLeft', 'back'],
    [' ', 'togglePlay'],
    ['Escape', 'exit'],
    ['x', null],
  ])('%j means %s', (key, command) => {
    expect(presenterCommandFor(press(key))).toBe(command);
  });

  it('leaves modified keys to the browser (Ctrl+→, Alt+←)', () => {
    expect(presenterCommandFor(press('ArrowRight', { ctrlKey: true }))).toBeNull();
    expect(presenterCommandFor(press('ArrowLeft', { altKey: true }))).toBeNull();
  });

  it('a focused button keeps Space; a field keeps everything but Esc', () => {
    expect(presenterCommandFor(press(' ', { targetTag: 'BUTTON' }))).toBeNull();
    expect(presenterCommandFor(press('PageDown', { targetTag: 'BUTTON' }))).toBe('next');
    expect(presenterCommandFor(press('ArrowRight', { targetTag: 'INPUT' }))).toBeNull();
    expect(presenterCommandFor(press('Escape', { targetTag: 'INPUT' }))).toBe('exit');
  });
});
