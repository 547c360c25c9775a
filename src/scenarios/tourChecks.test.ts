import { describe, expect, it } from 'vitest';
import { findBuiltin } from './builtin';
import { parseScenario } from './validate';

const base = findBuiltin('sync-vs-async');
if (base === undefined) throw new Error('missing built-in scenario');

const withStep = (step: object) => ({
  ...base,
  narration: [{ at: 0, title: 'Look', text: 'Look here.', ...step }],
});

describe('tour metadata in narration', () => {
  it('a step without focus or waitFor stays valid (older files)', () => {
    expect(parseScenario(withStep({})).ok).toBe(true);
  });

  it('focus and waitFor naming the scenario own nodes and clients are valid', () => {
    const result = parseScenario(
      withStep({
        focus: { endpoints: ['leader', 'user-1234'], keys: ['users.1234.bio'] },
        waitFor: { action: 'write', on: 'user-1234', prompt: 'Write something.' },
      }),
    );
    expect(result.ok).toBe(true);
  });

  it.each([
    [
      { focus: { endpoints: ['n9'] } },
      'narration[0].focus.endpoints[0]: unknown node or client "n9"',
    ],
    [
      { waitFor: { action: 'crash', on: 'user-1234', prompt: 'Crash it.' } },
      'narration[0].waitFor.on: unknown node "user-1234"',
    ],
    [
      { waitFor: { action: 'read', on: 'leader', prompt: 'Read.' } },
      'narration[0].waitFor.on: unknown client "leader"',
    ],
    [{ waitFor: { action: 'format-disk', prompt: 'x' } }, 'narration[0].waitFor.action'],
    [{ waitFor: { action: 'crash' } }, 'narration[0].waitFor.prompt'],
  ])('%j is refused, naming the field', (step, expected) => {
    const result = parseScenario(withStep(step));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.join('\n')).toContain(expected);
  });
});
