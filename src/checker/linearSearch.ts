/**
 * The search at the heart of the linearizability check, for the operations on one key (a
 * register): Wing & Gong's algorithm with Lowe's memoisation, as Porcupine does it. Walk the
 * calls and returns in time order; at a call, try to let the operation take effect now (the
 * register allows it and this set of operations with this register value was not tried
 * before); at a return whose operation has not taken effect, undo the last choice. An
 * operation with no return (indeterminate: the client gave up) may take effect any time after
 * its call, or never.
 *
 * Bounded: after `maxSteps` steps it gives up and says so, rather than hang the caller.
 */

/** One operation on the register; times are history indices (their order is real time). */
export interface RegisterOp {
  opId: number;
  f: 'read' | 'write';
  /** The value written, or the value the read returned, as a number (0 is the initial state). */
  value: number;
  call: number;
  /** `Infinity` for an operation that may take effect any time after its call, or never. */
  ret: number;
}

export type SearchResult = 'linearizable' | 'not-linearizable' | 'gave-up';

interface Entry {
  op: number;
  call: boolean;
  time: number;
  prev: Entry | null;
  next: Entry | null;
  /** A call's return entry. */
  match: Entry | null;
}

function entryList(ops: readonly RegisterOp[]): Entry {
  const entries: Entry[] = [];
  ops.forEach((o, i) => {
    const ret: Entry = { op: i, call: false, time: o.ret, prev: null, next: null, match: null };
    entries.push({ op: i, call: true, time: o.call, prev: null, next: null, match: ret }, ret);
  });
  // Calls before returns at the same time; among returns that never come, any fixed order.
  entries.sort((a, b) => a.time - b.time || (a.call === b.call ? a.op - b.op : a.call ? -1 : 1));
  const head: Entry = { op: -1, call: false, time: -1, prev: null, next: null, match: null };
  let last = head;
  for (const e of entries) {
    e.prev = last;
    last.next = e;
    last = e;
  }
  return head;
}

function lift(e: Entry): void {
  (e.prev as Entry).next = e.next;
  if (e.next !== null) e.next.prev = e.prev;
  const m = e.match as Entry;
  (m.prev as Entry).next = m.next;
  if (m.next !== null) m.next.prev = m.prev;
}

function unlift(e: Entry): void {
  const m = e.match as Entry;
  (m.prev as Entry).next = m;
  if (m.next !== null) m.next.prev = m;
  (e.prev as Entry).next = e;
  if (e.next !== null) e.next.prev = e;
}

/** A well-spread 32-bit number per operation, so a set of them hashes by XOR. */
function opHash(i: number): number {
  let h = Math.imul(i + 1, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/** Sets of operations already linearized, with the register value they left, by hash. */
class Memo {
  private readonly seen = new Map<number, Array<{ bits: Uint32Array; state: number }>>();

  /** Remember (bits, state); false if it was already known. */
  add(hash: number, bits: Uint32Array, state: number): boolean {
    const key = (hash ^ opHash(state + 0x10000)) >>> 0;
    let bucket = this.seen.get(key);
    if (bucket === undefined) {
      bucket = [];
      this.seen.set(key, bucket);
    }
    for (const b of bucket) if (b.state === state && sameBits(b.bits, bits)) return false;
    bucket.push({ bits: bits.slice(), state });
    return true;
  }
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Can the operations on one register be given one order consistent with real time? */
export function searchRegister(ops: readonly RegisterOp[], maxSteps: number): SearchResult {
  const head = entryList(ops);
  const bits = new Uint32Array((ops.length >> 5) + 1);
  const memo = new Memo();
  const stack: Array<{ entry: Entry; state: number }> = [];
  let hash = 0;
  let state = 0;
  let entry = head.next;
  for (let steps = 0; entry !== null; steps++) {
    if (steps > maxSteps) return 'gave-up';
    if (entry.call) {
      const op = ops[entry.op] as RegisterOp;
      const legal = op.f === 'write' || op.value === state;
      const next = op.f === 'write' ? op.value : state;
      if (legal) {
        bits[entry.op >> 5] = (bits[entry.op >> 5] as number) | (1 << (entry.op & 31));
        hash = (hash ^ opHash(entry.op)) >>> 0;
        if (memo.add(hash, bits, next)) {
          stack.push({ entry, state });
          state = next;
          lift(entry);
          entry = head.next;
          continue;
        }
        bits[entry.op >> 5] = (bits[entry.op >> 5] as number) & ~(1 << (entry.op & 31));
        hash = (hash ^ opHash(entry.op)) >>> 0;
      }
      entry = entry.next;
      continue;
    }
    // Only operations that may never take effect are left: they did not.
    if (entry.time === Number.POSITIVE_INFINITY) return 'linearizable';
    const top = stack.pop();
    if (top === undefined) return 'not-linearizable';
    state = top.state;
    const i = top.entry.op;
    bits[i >> 5] = (bits[i >> 5] as number) & ~(1 << (i & 31));
    hash = (hash ^ opHash(i)) >>> 0;
    unlift(top.entry);
    entry = top.entry.next;
  }
  return 'linearizable';
}
