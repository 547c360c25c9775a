import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../scenarios/builtin';
import {
  changedLinks,
  concurrentValue,
  concurrentWriteInputs,
  cutLinks,
  lagSpikeInputs,
  partitionInput,
  restoreLatencyInputs,
} from './faultInputs';
import { createSession, inject, injectAll, seek } from './session';
import { buildView, type LinkView } from './view';

const scenario = findBuiltin('follower-crash-catch-up');
if (scenario === undefined) throw new Error('missing built-in scenario');

const linkOf = (links: LinkView[], from: string, to: string) =>
  links.find((l) => l.from === from && l.to === to);

describe('lag spike', () => {
  it("multiplies every direction of the node's links now, and restores them later", () => {
    // The scenario sets no latency of its own at this point: before the spike is its latency.
    const session = createSession(scenario, 1);
    seek(session, 500);
    const before = buildView(session).links;
    injectAll(session, lagSpikeInputs(before, 'n2', 10, 400));
    const during = buildView(session).links;
    for (const link of before) {
      const now = linkOf(during, link.from, link.to);
      const spiked = link.from === 'n2' || link.to === 'n2';
      expect(now?.baseMs).toBe(spiked ? link.baseMs * 10 : link.baseMs);
      expect(now?.jitterMs).toBe(spiked ? link.jitterMs * 10 : link.jitterMs);
    }
    expect(changedLinks(during, 'n2').length).toBeGreaterThan(0);
    expect(changedLinks(during, 'n1').map((l) => [l.from, l.to])).toEqual([
      ['n1', 'n2'],
      ['n2', 'n1'],
    ]);
    seek(session, 899);
    expect(linkOf(buildView(session).links, 'n1', 'n2')?.baseMs).toBe(
      (linkOf(before, 'n1', 'n2')?.baseMs ?? 0) * 10,
    );
    seek(session, 900);
    expect(buildView(session).links).toEqual(before);
  });

  it('overlapping spikes still end with the links at the scenario latency', () => {
    const session = createSession(scenario, 1);
    seek(session, 300);
    const before = buildView(session).links;
    injectAll(session, lagSpikeInputs(before, 'n2', 4, 500));
    seek(session, 500);
    injectAll(session, lagSpikeInputs(buildView(session).links, 'n2', 4, 500));
    expect(linkOf(buildView(session).links, 'n1', 'n2')?.baseMs).toBe(
      16 * (linkOf(before, 'n1', 'n2')?.baseMs ?? 0),
    );
    seek(session, 1000);
    expect(changedLinks(buildView(session).links, 'n2')).toEqual([]);
  });

  it('ending a spike early puts the scenario latency back on that node only', () => {
    const session = createSession(scenario, 1);
    seek(session, 300);
    injectAll(session, lagSpikeInputs(buildView(session).links, 'n3', 5, 2000));
    injectAll(session, lagSpikeInputs(buildView(session).links, 'n1', 5, 2000));
    seek(session, 600);
    injectAll(session, restoreLatencyInputs(buildView(session).links, 'n3'));
    const links = buildView(session).links;
    expect(changedLinks(links, 'n3')).toEqual([]);
    // n1's own links (other than to n3) are still slow.
    expect(changedLinks(links, 'n1').some((l) => l.to === 'n2')).toBe(true);
    expect(restoreLatencyInputs(links, 'n3')).toEqual([]);
  });
});

describe('partitions', () => {
  it('builds two-way and one-way cuts, and reads them back from the links', () => {
    const session = createSession(scenario, 1);
    seek(session, 100);
    inject(session, partitionInput(['n1', 'n2'], ['n3'], false));
    expect(cutLinks(buildView(session).links)).toEqual([
      { from: 'n1', to: 'n3', bothWays: true },
      { from: 'n2', to: 'n3', bothWays: true },
    ]);
    inject(session, { type: 'heal', between: [['n1'], ['n3']] });
    expect(cutLinks(buildView(session).links)).toEqual([{ from: 'n2', to: 'n3', bothWays: true }]);
    inject(session, { type: 'heal' });
    expect(cutLinks(buildView(session).links)).toEqual([]);
    inject(session, partitionInput(['n3'], ['n1'], true));
    expect(cutLinks(buildView(session).links)).toEqual([{ from: 'n3', to: 'n1', bothWays: false }]);
  });
});

describe('concurrent writes', () => {
  it('one write per client, same key, same instant, distinct values', () => {
    const session = createSession(scenario, 1);
    seek(session, 3500);
    const clients = ['user-1234', 'user-2345'];
    const recorded = injectAll(session, concurrentWriteInputs(clients, 'cart', 'x'));
    expect(new Set(recorded.map((i) => i.at))).toEqual(new Set([3500]));
    const invokes = buildView(session).history.filter(
      (h) => h.type === 'invoke' && h.time === 3500 && h.key === 'cart',
    );
    expect(invokes.map((h) => [h.process, h.value])).toEqual(
      clients.map((c) => [c, concurrentValue('x', c)]),
    );
    expect(concurrentValue('x', 'user-1234')).not.toBe(concurrentValue('x', 'user-2345'));
  });
});
