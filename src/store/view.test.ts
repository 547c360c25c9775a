import { describe, expect, it } from 'vitest';
import { historyOps } from '../engine/historyLog';
import { findBuiltin } from '../scenarios/builtin';
import { createSession, inject, seek } from './session';
import { buildView } from './view';

const scenario = () => {
  const s = findBuiltin('sync-vs-async');
  if (s === undefined) throw new Error('missing built-in');
  return s;
};

describe('buildView', () => {
  it('keeps the same links while no input changed them, and shows a partition once injected', () => {
    const session = createSession(scenario(), 1);
    seek(session, 50);
    const before = buildView(session);
    seek(session, 60);
    const later = buildView(session);
    expect(later.links).toBe(before.links);
    expect(later.links.every((l) => !l.cut)).toBe(true);

    inject(session, { type: 'partition', groups: [['follower-2'], ['leader', 'follower-1']] });
    const cut = buildView(session).links.filter((l) => l.cut);
    expect(cut.map((l) => `${l.from}>${l.to}`).sort()).toEqual([
      'follower-1>follower-2',
      'follower-2>follower-1',
      'follower-2>leader',
      'leader>follower-2',
    ]);
  });

  it('marks a link slow when it is much slower than the default', () => {
    const session = createSession(scenario(), 1);
    seek(session, 10);
    const slow = buildView(session).links.filter((l) => l.slow);
    // The scenario gives leader <-> follower-2 400 ms against a 10 ms default.
    expect(slow.map((l) => `${l.from}>${l.to}`).sort()).toEqual([
      'follower-2>leader',
      'leader>follower-2',
    ]);
  });

  it('rebuilds the history after an input rewrites it, even at the same length', () => {
    const session = createSession(scenario(), 1);
    seek(session, 150);
    const first = buildView(session).history;
    seek(session, 0);
    inject(session, { type: 'crash', node: 'leader' });
    seek(session, 150);
    const rewritten = buildView(session).history;
    expect(rewritten).not.toBe(first);
    expect(rewritten).toEqual(historyOps(session.sim.logs.history));
  });
});
