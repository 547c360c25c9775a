/**
 * Words for a node's in-depth states (bootstrapping, serving reads yet, cascading upstream,
 * write barrier): parts of its accessible name, one badge, and inspector facts.
 */
import type { NodeDepthView } from '../../store/depthView';

const METHOD_WORDS = { snapshot: 'from a snapshot', 'full-log': 'by replaying the log' };

/** E.g. "bootstrapping by replaying the log (position 40 of 135)". */
export function bootstrapWords(d: NodeDepthView): string | null {
  const b = d.bootstrap;
  if (b === null) return null;
  const how = METHOD_WORDS[b.method];
  if (b.servesReads) return `bootstrapped ${how}`;
  const of = b.targetPos === null ? '' : ` of ${b.targetPos}`;
  return b.method === 'full-log'
    ? `bootstrapping ${how} (position ${b.pos}${of})`
    : `bootstrapping ${how} (waiting for it)`;
}

/** Whether a joining follower serves reads yet: the point of its bootstrap. */
export function readsWords(d: NodeDepthView): string | null {
  const b = d.bootstrap;
  if (b === null) return null;
  if (!b.servesReads) return 'not serving reads yet';
  return b.firstReadMs === null ? 'serving reads' : 'first read served';
}

export function upstreamWords(d: NodeDepthView): string | null {
  if (d.upstream === null) return null;
  return d.upstreamLost
    ? `lost upstream ${d.upstream}, polling the leader`
    : `replicates from ${d.upstream}`;
}

export function barrierWords(d: NodeDepthView): string | null {
  const b = d.barrier;
  if (b === null) return null;
  if (b.state === 'lifted') return 'write barrier lifted';
  return b.phase === 'fetching-peers'
    ? 'write barrier up, fetching missing entries from followers'
    : `write barrier up until followers hold position ${b.targetPos}`;
}

/** The in-depth parts of the node's accessible name, in a fixed order. */
export function depthNameParts(d: NodeDepthView): string[] {
  return [bootstrapWords(d), readsWords(d), upstreamWords(d), barrierWords(d)].filter(
    (w): w is string => w !== null,
  );
}

/** The one badge the picture has room for, most urgent first. */
export function depthBadge(d: NodeDepthView): { text: string; tone: string } | null {
  if (d.barrier?.state === 'up') return { text: 'barrier up', tone: 'down' };
  if (d.barrier?.state === 'lifted') return { text: 'barrier lifted', tone: 'sync' };
  if (d.bootstrap !== null && !d.bootstrap.servesReads)
    return { text: 'no reads yet', tone: 'down' };
  if (d.upstream !== null)
    return { text: `${d.upstreamLost ? '✕' : '←'} ${d.upstream}`, tone: 'async' };
  if (d.bootstrap !== null && d.bootstrap.caughtUpMs === null)
    return { text: 'serving reads', tone: 'sync' };
  return null;
}
