import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../scenarios/builtin';
import { createReplicaStore } from '../../store/store';
import { importRunText } from './importRun';
import { runFileText } from './runExport';

describe('importing a run or scenario file', () => {
  it('an exported run opens at the same time with the same trace', () => {
    const author = createReplicaStore('failover-loses-async-writes', 4);
    author.getState().seek(300);
    author.getState().inject({ type: 'crash', node: 'n2' });
    author.getState().seek(900);
    const text = runFileText(author.getState());

    const reader = createReplicaStore('sync-vs-async');
    expect(importRunText(reader, 'run.json', text)).toBe(true);
    const { view, seed, scenario, session } = reader.getState();
    expect([scenario.id, seed, view.t]).toEqual(['failover-loses-async-writes', 4, 900]);
    expect(view.traceHash).toBe(author.getState().view.traceHash);
    expect(session.userInputs).toEqual(author.getState().session.userInputs);
  });

  it('a bare scenario file opens at time 0 with its own seed', () => {
    const source = { ...findBuiltin('sync-vs-async'), id: 'my-copy', title: 'My copy' };
    const reader = createReplicaStore('read-your-writes');
    expect(importRunText(reader, 'mine.json', JSON.stringify(source))).toBe(true);
    expect(reader.getState().scenario.title).toBe('My copy');
    expect(reader.getState().seed).toBe(source.seed);
  });

  it.each([
    ['not JSON', '{"format":', '(file): not valid JSON'],
    [
      'a scenario with a bad field',
      '{"id":"x","title":"x","summary":"x","durationMs":-1}',
      'durationMs',
    ],
    [
      'a run naming an unknown node',
      JSON.stringify({
        format: 'replica-lab-run',
        v: 1,
        scenario: findBuiltin('sync-vs-async'),
        seed: 1,
        inputs: [{ at: 10, type: 'crash', node: 'n42' }],
      }),
      'inputs[0].node: no node "n42"',
    ],
    [
      'a run of an unknown version',
      JSON.stringify({ format: 'replica-lab-run', v: 7, scenario: {}, seed: 1, inputs: [] }),
      'v: this app reads version 1',
    ],
  ])('%s is refused, naming the field, and the current run stays', (_what, text, expected) => {
    const reader = createReplicaStore('read-your-writes', 3);
    reader.getState().seek(250);
    const before = reader.getState();
    expect(importRunText(reader, 'bad.json', text)).toBe(false);
    const after = reader.getState();
    expect(after.notice).toContain('Could not open bad.json');
    expect(after.notice).toContain(expected);
    expect(after.session).toBe(before.session);
    expect(after.view.t).toBe(250);
  });
});
