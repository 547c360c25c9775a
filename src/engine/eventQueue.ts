/**
 * A binary min-heap of scheduled events ordered by (time, sequence). The heap is a plain array
 * inside the simulation state, so it is cloned with checkpoints; these are free functions over it.
 */
import type { SimTimeMs } from './types';

/** Anything schedulable: a time and a tie-breaking sequence number. */
export interface Scheduled {
  t: SimTimeMs;
  seq: number;
}

function before(a: Scheduled, b: Scheduled): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}

/** Add an event. */
export function heapPush<E extends Scheduled>(heap: E[], event: E): void {
  heap.push(event);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] as E;
    if (!before(event, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = event;
}

/** The earliest event, without removing it. */
export function heapPeek<E extends Scheduled>(heap: E[]): E | undefined {
  return heap[0];
}

/** Remove and return the earliest event. */
export function heapPop<E extends Scheduled>(heap: E[]): E | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  const n = heap.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const child = r < n && before(heap[r] as E, heap[l] as E) ? r : l;
    const c = heap[child] as E;
    if (!before(c, last)) break;
    heap[i] = c;
    i = child;
  }
  heap[i] = last;
  return top;
}
