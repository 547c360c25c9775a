import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  append,
  emptyStorage,
  epochRanges,
  installSnapshot,
  matchingPrefix,
  type Storage,
  truncateAfter,
} from './log';

/**
 * Two logs that share a common prefix and then diverge, as after a failover: the old leader
 * kept writing in epoch e while the new leader wrote in epoch e + 1.
 */
const divergedLogs = fc
  .record({
    common: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 30 }),
    oldExtra: fc.integer({ min: 0, max: 10 }),
    newExtra: fc.integer({ min: 0, max: 10 }),
  })
  .map(({ common, oldExtra, newExtra }) => {
    const leader = emptyStorage();
    const follower = emptyStorage();
    let epoch = 1;
    for (const bump of common) {
      epoch += bump === 2 ? 1 : 0;
      const e = {
        pos: leader.log.length + 1,
        epoch,
        key: 'k',
        value: leader.log.length,
        opId: leader.log.length,
        client: 'c',
        appendedAt: 0,
      };
      append(leader, { ...e });
      append(follower, { ...e });
    }
    for (let i = 0; i < oldExtra; i++) {
      append(follower, {
        pos: follower.log.length + 1,
        epoch,
        key: 'k',
        value: `old${i}`,
        opId: 1000 + i,
        client: 'c',
        appendedAt: 0,
      });
    }
    for (let i = 0; i < newExtra; i++) {
      append(leader, {
        pos: leader.log.length + 1,
        epoch: epoch + 1,
        key: 'k',
        value: `new${i}`,
        opId: 2000 + i,
        client: 'c',
        appendedAt: 0,
      });
    }
    return { leader, follower, common: common.length };
  });

describe('replication log', () => {
  it('finds exactly the common prefix of two diverged logs', () => {
    fc.assert(
      fc.property(divergedLogs, ({ leader, follower, common }) => {
        const oldHasMore = follower.log.length > common;
        const newHasMore = leader.log.length > common;
        const match = matchingPrefix(leader, epochRanges(follower));
        // Entries past the common prefix differ in epoch, except when only one side grew.
        const expected =
          oldHasMore && newHasMore ? common : Math.min(leader.log.length, follower.log.length);
        expect(match).toBe(expected);
      }),
    );
  });

  it('truncating rebuilds the data from the remaining log', () => {
    const s: Storage = emptyStorage();
    append(s, { pos: 1, epoch: 1, key: 'a', value: 1, opId: 1, client: 'c', appendedAt: 0 });
    append(s, { pos: 2, epoch: 1, key: 'a', value: 2, opId: 2, client: 'c', appendedAt: 0 });
    append(s, { pos: 3, epoch: 1, key: 'b', value: 3, opId: 3, client: 'c', appendedAt: 0 });
    const dropped = truncateAfter(s, 1);
    expect(dropped.map((e) => e.pos)).toEqual([2, 3]);
    expect(s.data).toEqual({ a: 1 });
  });

  it('a follower that starts from a snapshot matches the leader up to the snapshot position', () => {
    const leader = emptyStorage();
    for (let pos = 1; pos <= 5; pos++)
      append(leader, {
        pos,
        epoch: pos < 4 ? 1 : 2,
        key: `k${pos}`,
        value: pos,
        opId: pos,
        client: 'c',
        appendedAt: 0,
      });
    const follower = emptyStorage();
    installSnapshot(follower, 4, 2, { ...leader.data });
    expect(matchingPrefix(leader, epochRanges(follower))).toBe(4);
  });
});
