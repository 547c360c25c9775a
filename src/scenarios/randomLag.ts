/**
 * Random replication-lag runs for property tests of the cures: a cluster (optionally in two
 * partitions), a workload of users with several devices reading from followers, slow links and
 * lag spikes. No crashes and no message loss: the cures promise nothing across failures (a
 * pinned replica that dies moves its users to another one).
 */
import fc from 'fast-check';
import type { Scenario, ScenarioInput, TimelineStep } from './schema';
import { parseScenario } from './validate';

export interface RandomLagOptions {
  cures: ScenarioInput['cures'];
  partitioned: boolean;
  /** The checker's stale-read bound. */
  staleReadBoundMs?: number;
}

const WHOLE = { nodes: ['n1', 'n2', 'n3'], leader: 'n1' };
const SPLIT = {
  nodes: ['a1', 'a2', 'a3', 'b1', 'b2'],
  leader: 'a1',
  partitions: [
    { id: 'a', leader: 'a1', nodes: ['a1', 'a2', 'a3'], keys: ['a', 'b'] },
    { id: 'b', leader: 'b1', nodes: ['b1', 'b2'], keys: ['c', 'd'] },
  ],
};

const slowLink = fc.record({
  follower: fc.nat(),
  baseMs: fc.integer({ min: 0, max: 600 }),
  jitterMs: fc.integer({ min: 0, max: 200 }),
});
const spike = fc.record({
  follower: fc.nat(),
  at: fc.integer({ min: 0, max: 2500 }),
  forMs: fc.integer({ min: 50, max: 1000 }),
  baseMs: fc.integer({ min: 200, max: 1200 }),
});

/** Each follower's leader (the first node of its group). */
function followerLinks(partitioned: boolean): Array<[string, string]> {
  if (!partitioned)
    return [
      ['n1', 'n2'],
      ['n1', 'n3'],
    ];
  return [
    ['a1', 'a2'],
    ['a1', 'a3'],
    ['b1', 'b2'],
  ];
}

export function randomLagArb(options: RandomLagOptions) {
  const links = followerLinks(options.partitioned);
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      reads: fc.constantFrom('any' as const, 'follower' as const, 'round-robin' as const),
      jitterMs: fc.integer({ min: 0, max: 30 }),
      slow: fc.array(slowLink, { maxLength: 3 }),
      spikes: fc.array(spike, { maxLength: 3 }),
      meanGapMs: fc.integer({ min: 15, max: 60 }),
      writeRatio: fc.double({ min: 0.2, max: 0.8, noNaN: true }),
    })
    .map((r): { scenario: Scenario; seed: number } => {
      const link = (i: number) => links[i % links.length] as [string, string];
      const timeline: TimelineStep[] = r.spikes.flatMap((s) => {
        const [from, to] = link(s.follower);
        return [
          { at: s.at, type: 'set-link', from, to, latency: { baseMs: s.baseMs } },
          { at: s.at + s.forMs, type: 'set-link', from, to, latency: { baseMs: 5 } },
        ];
      });
      const input: ScenarioInput = {
        id: 'random-lag',
        title: 'random lag',
        summary: 'random lag',
        durationMs: 5000,
        cluster: { ...(options.partitioned ? SPLIT : WHOLE), monitor: null, reads: r.reads },
        cures: options.cures,
        checker: { staleReadBoundMs: options.staleReadBoundMs ?? 0 },
        network: {
          latency: { baseMs: 5, jitterMs: r.jitterMs, distribution: 'exponential' },
          links: r.slow.map((s) => {
            const [from, to] = link(s.follower);
            return { from, to, latency: { baseMs: s.baseMs, jitterMs: s.jitterMs } };
          }),
        },
        workload: {
          clients: ['user-1@phone', 'user-1@laptop', 'user-2', 'user-3@phone', 'user-3@laptop'],
          toMs: 3500,
          meanGapMs: r.meanGapMs,
          keys: ['a', 'b', 'c', 'd'],
          writeRatio: r.writeRatio,
        },
        timeline,
      };
      const parsed = parseScenario(input);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      return { scenario: parsed.scenario, seed: r.seed };
    });
}
