import { describe, expect, it } from 'vitest';
import { NO_DEPTH, type NodeDepthView } from '../../store/depthView';
import { depthBadge, depthNameParts } from './depthLabel';

const joining = (over: Partial<NonNullable<NodeDepthView['bootstrap']>>): NodeDepthView => ({
  ...NO_DEPTH,
  bootstrap: {
    method: 'full-log',
    pos: 40,
    targetPos: 135,
    servesReads: false,
    readyMs: null,
    firstReadMs: null,
    caughtUpMs: null,
    ...over,
  },
});

describe('in-depth node words', () => {
  it('say nothing for a founding replica with no upstream and no barrier', () => {
    expect(depthNameParts(NO_DEPTH)).toEqual([]);
    expect(depthBadge(NO_DEPTH)).toBeNull();
  });

  it('follow a replaying follower from refusing reads to its first read', () => {
    expect(depthNameParts(joining({}))).toEqual([
      'bootstrapping by replaying the log (position 40 of 135)',
      'not serving reads yet',
    ]);
    expect(depthBadge(joining({}))?.text).toBe('no reads yet');
    const ready = joining({ servesReads: true, readyMs: 200 });
    expect(depthNameParts(ready)).toEqual(['bootstrapped by replaying the log', 'serving reads']);
    const read = joining({ servesReads: true, readyMs: 200, firstReadMs: 230 });
    expect(depthNameParts(read)).toContain('first read served');
    expect(depthNameParts(joining({ method: 'snapshot', targetPos: null }))[0]).toBe(
      'bootstrapping from a snapshot (waiting for it)',
    );
  });

  it('name the upstream of a cascaded follower, and a barrier before anything else', () => {
    const cascaded: NodeDepthView = { ...NO_DEPTH, upstream: 'n2' };
    expect(depthNameParts(cascaded)).toEqual(['replicates from n2']);
    expect(depthBadge({ ...cascaded, upstreamLost: true })?.text).toBe('✕ n2');
    const barrier: NodeDepthView = {
      ...cascaded,
      barrier: { state: 'up', phase: 'waiting-followers', targetPos: 12 },
    };
    expect(depthNameParts(barrier)).toContain('write barrier up until followers hold position 12');
    expect(depthBadge(barrier)).toEqual({ text: 'barrier up', tone: 'down' });
    expect(depthBadge({ ...NO_DEPTH, barrier: { state: 'lifted', liftedAt: 5 } })?.text).toBe(
      'barrier lifted',
    );
  });
});
