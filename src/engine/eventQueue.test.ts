import fc from 'fast-check';
import { expect, it } from 'vitest';
import { heapPop, heapPush, type Scheduled } from './eventQueue';

it('pops events in (time, sequence) order', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (times) => {
      const heap: Scheduled[] = [];
      times.forEach((t, seq) => {
        heapPush(heap, { t, seq });
      });
      const out: Scheduled[] = [];
      for (let e = heapPop(heap); e; e = heapPop(heap)) out.push(e);
      const expected = times
        .map((t, seq) => ({ t, seq }))
        .sort((a, b) => a.t - b.t || a.seq - b.seq);
      expect(out).toEqual(expected);
    }),
  );
});
