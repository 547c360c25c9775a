import { describe, expect, it } from 'vitest';
import type { LinkView } from '../../store/view';
import { linkLooks } from './linkLooks';

const link = (from: string, to: string, over: Partial<LinkView> = {}): LinkView => ({
  from,
  to,
  baseMs: 10,
  jitterMs: 5,
  scenarioBaseMs: 10,
  scenarioJitterMs: 5,
  dropRate: 0,
  cut: false,
  slow: false,
  ...over,
});

describe('linkLooks', () => {
  it('labels a healthy link with its latency only when asked to', () => {
    expect(linkLooks(link('a', 'b'), link('b', 'a'), true).label).toBe('10 ms');
    expect(linkLooks(link('a', 'b'), link('b', 'a'), false).label).toBeNull();
  });

  it('shows both latencies when the directions differ', () => {
    const looks = linkLooks(link('a', 'b'), link('b', 'a', { baseMs: 400, slow: true }), false);
    expect(looks.slow).toBe(true);
    expect(looks.label).toBe('slow · 10 / 400 ms');
  });

  it('cuts a link partitioned both ways, and names the direction of a one-way cut', () => {
    const both = linkLooks(link('a', 'b', { cut: true }), link('b', 'a', { cut: true }), true);
    expect(both).toMatchObject({ cut: true, cutOneWay: null, label: 'cut' });
    const oneWay = linkLooks(link('a', 'b'), link('b', 'a', { cut: true }), true);
    expect(oneWay).toMatchObject({ cut: false, cutOneWay: { from: 'b', to: 'a' }, label: 'b ↛ a' });
  });

  it('describes both directions, with jitter, loss and partition', () => {
    const looks = linkLooks(
      link('a', 'b', { dropRate: 0.02 }),
      link('b', 'a', { cut: true }),
      true,
    );
    expect(looks.description).toBe(
      'a → b: 10 ms ± 5, 2.0% lost; b → a: 10 ms ± 5, cut by a partition',
    );
  });
});
