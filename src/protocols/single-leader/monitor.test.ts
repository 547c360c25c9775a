import { expect, it } from 'vitest';
import { chooseCandidate } from './monitor';

it('chooses the most up-to-date follower: newest epoch, then longest log, then lowest id', () => {
  expect(chooseCandidate({})).toBeNull();
  expect(
    chooseCandidate({
      n3: { lastPos: 9, lastEpoch: 1 },
      n2: { lastPos: 7, lastEpoch: 2 },
      n4: { lastPos: 8, lastEpoch: 2 },
    }),
  ).toBe('n4');
  expect(
    chooseCandidate({ n3: { lastPos: 8, lastEpoch: 2 }, n2: { lastPos: 8, lastEpoch: 2 } }),
  ).toBe('n2');
});
