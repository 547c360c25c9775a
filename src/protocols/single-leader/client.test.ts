import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveStream } from '../../engine/rng';
import type { ClientOp, ReadTarget } from '../../engine/types';
import { initClient, routeOp, type SingleLeaderClient } from './client';
import { testConfig } from './testing/testConfig';

const nodeIds = ['n1', 'n2', 'n3', 'monitor'];
const replicaIds = ['n1', 'n2', 'n3'];
const target = fc.oneof(
  fc.constant<ReadTarget>('leader'),
  fc.constant<ReadTarget>('any'),
  fc.constantFrom(...replicaIds).map((replica): ReadTarget => ({ replica })),
);

function clientWith(reads: ReadTarget, leaderHint: string): SingleLeaderClient {
  return initClient('user-1', testConfig({ leader: leaderHint, monitor: 'monitor', reads }));
}

const view = (seed: number) => ({ now: 0, nodeIds, rng: deriveStream(seed, 'client:user-1') });

describe('single-leader read routing', () => {
  it("an op's own read target overrides the client's setting; writes always go to the leader", () => {
    fc.assert(
      fc.property(
        target,
        fc.option(target, { nil: undefined }),
        fc.constantFrom(...replicaIds),
        fc.boolean(),
        fc.nat(),
        (setting, readFrom, leaderHint, isWrite, seed) => {
          const op: ClientOp = isWrite
            ? { f: 'write', key: 'k', value: 1, readFrom }
            : { f: 'read', key: 'k', readFrom };
          const chosen = routeOp(clientWith(setting, leaderHint), op, view(seed));
          const wanted = readFrom ?? setting;
          if (isWrite || wanted === 'leader') expect(chosen).toBe(leaderHint);
          else if (wanted === 'any') expect(replicaIds).toContain(chosen);
          else expect(chosen).toBe(wanted.replica);
        },
      ),
    );
  });
});
