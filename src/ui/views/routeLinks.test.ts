import { describe, expect, it } from 'vitest';
import type { LinkView, RouteView } from '../../store/view';
import { routeLinks, slowAgainstScenario } from './routeLinks';

const leader = (from: string, to: string): RouteView => ({ from, to, kind: 'leader' });

describe('routeLinks', () => {
  it('draws a ring as one-way links, one per neighbouring pair', () => {
    const ring = routeLinks([leader('n1', 'n2'), leader('n2', 'n3'), leader('n3', 'n1')]);
    expect(ring).toHaveLength(3);
    const heads = ring.map((l) => Number(l.toB) + Number(l.toA));
    expect(heads).toEqual([1, 1, 1]);
    const n3n1 = ring.find((l) => l.a === 'n1' && l.b === 'n3');
    // n3 sends to n1: the head is at n1, the pair's first end.
    expect(n3n1).toMatchObject({ toA: true, toB: false });
  });

  it('merges the two directions of a pair into one line with two heads', () => {
    const star = routeLinks([
      leader('hub', 'a'),
      leader('a', 'hub'),
      leader('hub', 'b'),
      leader('b', 'hub'),
    ]);
    expect(star).toHaveLength(2);
    for (const l of star) expect(l.toA && l.toB).toBe(true);
  });

  it('keeps follower routes apart from leader routes', () => {
    const links = routeLinks([leader('eu', 'us'), { from: 'eu', to: 'eu-2', kind: 'follower' }]);
    expect(links.map((l) => l.kind).sort()).toEqual(['follower', 'leader']);
  });
});

describe('slowAgainstScenario', () => {
  const wan: LinkView = {
    from: 'eu',
    to: 'us',
    baseMs: 80,
    jitterMs: 0,
    dropRate: 0,
    cut: false,
    slow: true,
    scenarioBaseMs: 80,
    scenarioJitterMs: 0,
  };
  it('does not call a link slow for the latency the scenario gave it', () => {
    expect(slowAgainstScenario(wan).slow).toBe(false);
  });
  it('calls it slow when a fault made it several times slower than that', () => {
    expect(slowAgainstScenario({ ...wan, baseMs: 400 }).slow).toBe(true);
  });
});
