import { describe, expect, it } from 'vitest';
import { findAnyBuiltin } from '../../scenarios/builtin';
import { inspect } from '../inspect';
import { createSession, seek } from '../session';
import { buildView } from '../view';

function sessionAt(id: string, t: number) {
  const scenario = findAnyBuiltin(id);
  if (scenario === undefined) throw new Error(`no scenario ${id}`);
  const session = createSession(scenario, scenario.seed);
  seek(session, t);
  return session;
}

describe('node views by family', () => {
  it('single-leader nodes hold a log: the figure is its last position', () => {
    const session = sessionAt('read-your-writes', 2000);
    for (const node of buildView(session).nodes.filter((n) => !n.isMonitor)) {
      expect(node.holding).toEqual({
        figure: node.lastPos,
        caption: 'log',
        words: `log position ${node.lastPos}`,
      });
    }
  });

  it('a leaderless replica holds keys, and hints while a home replica is cut off', () => {
    // Partitioned at 400, written at 500, healed at 1500: the stand-in holds the hint meanwhile.
    const during = buildView(sessionAt('hinted-handoff', 1000)).nodes;
    const holders = during.filter((n) => n.holding?.words.includes('hint'));
    expect(holders.length).toBeGreaterThan(0);
    for (const n of during) {
      expect(n.role).toBe('replica');
      expect(n.holding?.figure).toBe(Object.keys(n.data).length);
    }
    const after = buildView(sessionAt('hinted-handoff', 2400)).nodes;
    expect(after.some((n) => n.holding?.words.includes('hint'))).toBe(false);
  });

  it('the inspector lists a leaderless copy with its version vector and the hints held', () => {
    const session = sessionAt('hinted-handoff', 1000);
    const holder = buildView(session).nodes.find((n) => n.holding?.words.includes('hint'));
    const inspection = inspect(session, { kind: 'node', id: holder?.id ?? '' });
    if (inspection?.kind !== 'node') throw new Error('expected a node inspection');
    expect(inspection.hints.map((h) => h.key)).toContain('counter');
    const copy = inspection.copies.find((c) => c.key === 'counter');
    expect(copy?.value).toBe('v2');
    expect(copy?.version).toMatch(/^\{.+:\d+/);
  });
});
