import { describe, expect, it } from 'vitest';
import type { RoutingView } from '../../engine/protocol';
import { deriveStream } from '../../engine/rng';
import { afterTimeout, initClient, learnFromResult, routeOp, sessionFor } from './client';
import type { Partitioning } from './partitions';
import { NO_CURES, testConfig } from './testing/testConfig';

const nodes = ['n1', 'n2', 'n3', 'n4'];
const view = (now = 0): RoutingView => ({ now, nodeIds: nodes, rng: deriveStream(1, 'test') });
const read = (key: string) => ({ f: 'read' as const, key });
const write = (key: string) => ({ f: 'write' as const, key, value: 'v' });

describe('single-leader client routing', () => {
  it('round-robin takes the followers in turn', () => {
    const c = initClient('u', testConfig({ reads: 'round-robin' }));
    const targets = [1, 2, 3, 4].map(() => routeOp(c, read('x'), view()));
    expect(targets).toEqual(['n2', 'n3', 'n4', 'n2']);
  });

  it('pins every device of a user to one replica, and moves past one that timed out', () => {
    const cures = { ...NO_CURES, monotonicReads: 'pinned-replica' as const };
    const phone = initClient('user-7@phone', testConfig({ reads: 'any', cures }));
    const laptop = initClient('user-7@laptop', testConfig({ reads: 'any', cures }), [phone]);
    const pinned = routeOp(phone, read('x'), view());
    for (let i = 0; i < 5; i++) {
      expect(routeOp(phone, read('x'), view())).toBe(pinned);
      expect(routeOp(laptop, read('y'), view())).toBe(pinned);
    }
    afterTimeout(phone, pinned, view());
    const next = routeOp(phone, read('x'), view());
    expect(next).not.toBe(pinned);
    expect(nodes[(nodes.indexOf(pinned) + 1) % nodes.length]).toBe(next);
  });

  it('routes by key to the partition’s leader and learns each partition’s leader apart', () => {
    const partitions: Partitioning = {
      ids: ['a', 'b'],
      nodePartition: { n1: 'a', n2: 'a', n3: 'b', n4: 'b' },
      leaders: { a: 'n1', b: 'n3' },
      keyPartition: { question: 'a', answer: 'b' },
    };
    const c = initClient('u', testConfig({ partitions, reads: 'follower' }));
    expect(routeOp(c, write('question'), view())).toBe('n1');
    expect(routeOp(c, write('answer'), view())).toBe('n3');
    expect(routeOp(c, read('answer'), view())).toBe('n4');
    learnFromResult(c, write('answer'), { type: 'redirect', to: 'n4', reason: 'not the leader' });
    expect(routeOp(c, write('answer'), view())).toBe('n4');
    expect(routeOp(c, write('question'), view())).toBe('n1');
  });

  it('reads from the leader for a window after a write, then from followers again', () => {
    const cures = {
      ...NO_CURES,
      readYourWrites: 'leader-after-write' as const,
      leaderWindowMs: 500,
    };
    const c = initClient('u', testConfig({ reads: 'follower', cures }));
    routeOp(c, write('x'), view(100));
    expect(routeOp(c, read('y'), view(600))).toBe('n1');
    expect(routeOp(c, read('y'), view(601))).not.toBe('n1');
  });

  it('sends the position of the user’s last write with reads of that partition', () => {
    const cures = { ...NO_CURES, readYourWrites: 'wait-for-position' as const };
    const c = initClient('u', testConfig({ reads: 'follower', cures }));
    expect(sessionFor(c, read('x'))).toBeUndefined();
    learnFromResult(c, write('x'), { type: 'ok', meta: { pos: 7, epoch: 1 } });
    expect(sessionFor(c, read('x'))).toEqual({ minPos: 7 });
  });

  it('causal reads: what a read depends on travels with the user’s next write', () => {
    const cures = { ...NO_CURES, consistentPrefix: 'causal-reads' as const };
    const c = initClient('u', testConfig({ cures }));
    learnFromResult(c, read('x'), {
      type: 'ok',
      value: 'v',
      meta: { pos: 9, entryPos: 4, 'dep:p9': 2 },
    });
    expect(sessionFor(c, write('y'))).toEqual({ deps: { '': 4, p9: 2 } });
    expect(sessionFor(c, read('z'))).toEqual({ minPos: 4, causal: true });
  });
});
