/** Inspector facts for a node's bootstrap, reads, cascading upstream and write barrier. */
import type { NodeDepthView } from '../../store/depthView';
import { barrierWords, bootstrapWords, readsWords, upstreamWords } from '../views/depthLabel';
import type { Fact } from './Facts';

const ms = (value: number | null) => (value === null ? 'not yet' : `${value} ms`);

export function depthFacts(d: NodeDepthView): Fact[] {
  const facts: Fact[] = [];
  const b = d.bootstrap;
  if (b !== null) {
    facts.push(
      [
        'Bootstrap',
        bootstrapWords(d) ?? '',
        'A new follower starts from a snapshot tied to a log position, or replays the leader’s whole log from the beginning.',
      ],
      [
        'Reads',
        readsWords(d) ?? '',
        'A joining follower refuses reads (clients are redirected) until it holds the snapshot or the log it needs.',
      ],
      [
        'Ready / first read / caught up',
        `${ms(b.readyMs)} / ${ms(b.firstReadMs)} / ${ms(b.caughtUpMs)}`,
        'Simulated time from joining until it could serve reads, served its first read, and caught up with the leader.',
      ],
    );
  }
  const upstream = upstreamWords(d);
  if (upstream !== null) {
    facts.push([
      'Upstream',
      upstream,
      'Cascading replication: this follower gets the leader’s log relayed by another follower, one hop (and its latency) further.',
    ]);
  }
  const barrier = barrierWords(d);
  if (barrier !== null) {
    facts.push([
      'Write barrier',
      barrier,
      'A recovering leader refuses client writes until its followers hold the writes they were missing.',
    ]);
  }
  return facts;
}
