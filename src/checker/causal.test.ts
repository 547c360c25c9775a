import { describe, expect, it } from 'vitest';
import { checkHistory } from './index';
import { HistoryBuilder } from './testing/historyBuilder';

const ofKind = (h: HistoryBuilder, kind: string) =>
  checkHistory(h.history, { staleReadBoundMs: 10_000 }).filter((f) => f.kind === kind);

describe('monotonic writes', () => {
  /** alice writes x then y; bob sees y, then reads x and gets `xSeen`. */
  function aliceWritesTwice(xSeen: string | null) {
    const h = new HistoryBuilder();
    const w1 = h.write('alice', 'x', 'x1', 10);
    h.ok(w1, 20);
    const w2 = h.write('alice', 'y', 'y1', 30);
    h.ok(w2, 40);
    const saw = h.read('bob', 'y', 50);
    h.ok(saw, 60, 'y1');
    const r = h.read('bob', 'x', 70);
    h.ok(r, 80, xSeen, 'n3');
    return { h, w1, w2, saw, r };
  }

  it('reports an observer who sees a later write of a session but not its earlier one', () => {
    const { h, w1, w2, saw, r } = aliceWritesTwice(null);
    const found = ofKind(h, 'monotonic-writes');
    expect(found.map((f) => f.ops)).toEqual([[w1, w2, saw, r]]);
    expect(found[0]?.explanation).toContain(`op ${w1}`);
    expect(found[0]?.explanation).toContain('n3');
  });

  it('holds when the observer sees both writes', () => {
    expect(ofKind(aliceWritesTwice('x1').h, 'monotonic-writes')).toEqual([]);
  });

  it('reports a value the earlier write had overwritten, not only nothing', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('carol', 'x', 'x0', 0), 5);
    const w1 = h.write('alice', 'x', 'x1', 10);
    h.ok(w1, 20);
    const w2 = h.write('alice', 'y', 'y1', 30);
    h.ok(w2, 40);
    const saw = h.read('bob', 'y', 50);
    h.ok(saw, 60, 'y1');
    const r = h.read('bob', 'x', 70);
    h.ok(r, 80, 'x0');
    expect(ofKind(h, 'monotonic-writes').map((f) => f.ops)).toEqual([[w1, w2, saw, r]]);
  });

  it('does not order a write that overlapped the earlier one (concurrent writes)', () => {
    const h = new HistoryBuilder();
    const other = h.write('carol', 'x', 'x0', 5);
    h.ok(h.write('alice', 'x', 'x1', 10), 20);
    h.ok(other, 25);
    h.ok(h.write('alice', 'y', 'y1', 30), 40);
    h.ok(h.read('bob', 'y', 50), 60, 'y1');
    h.ok(h.read('bob', 'x', 70), 80, 'x0');
    expect(ofKind(h, 'monotonic-writes')).toEqual([]);
  });

  it('does not require an indeterminate write seen only later to be visible', () => {
    // alice's first write timed out and landed after her second: bob may see y1 and miss x1.
    const h = new HistoryBuilder();
    const w1 = h.write('alice', 'x', 'x1', 10);
    h.info(w1, 20);
    h.ok(h.write('alice', 'y', 'y1', 30), 40);
    h.ok(h.read('bob', 'y', 50), 60, 'y1');
    h.ok(h.read('bob', 'x', 70), 80, null);
    h.ok(h.read('carol', 'x', 90), 100, 'x1');
    expect(ofKind(h, 'monotonic-writes')).toEqual([]);
  });

  it('does not require an indeterminate earlier write to be visible', () => {
    const h = new HistoryBuilder();
    h.info(h.write('alice', 'x', 'x1', 10), 20);
    h.ok(h.write('alice', 'y', 'y1', 30), 40);
    h.ok(h.read('bob', 'y', 50), 60, 'y1');
    h.ok(h.read('bob', 'x', 70), 80, null);
    expect(ofKind(h, 'monotonic-writes')).toEqual([]);
  });
});

describe('writes follow reads', () => {
  /** carol writes x; alice reads it and then writes y; bob sees y, then reads x. */
  function replyAfterReading(xSeen: string | null) {
    const h = new HistoryBuilder();
    const w1 = h.write('carol', 'x', 'question', 10);
    h.ok(w1, 20);
    const read = h.read('alice', 'x', 30);
    h.ok(read, 40, 'question');
    const w2 = h.write('alice', 'y', 'answer', 50);
    h.ok(w2, 60);
    const saw = h.read('bob', 'y', 70);
    h.ok(saw, 80, 'answer');
    const r = h.read('bob', 'x', 90);
    h.ok(r, 100, xSeen);
    return { h, w1, read, w2, saw, r };
  }

  it('reports an observer who sees a write but not the write it followed', () => {
    const { h, w1, read, w2, saw, r } = replyAfterReading(null);
    const found = ofKind(h, 'writes-follow-reads');
    expect(found.map((f) => f.ops)).toEqual([[w1, read, w2, saw, r]]);
    expect(found[0]?.explanation).toContain(`op ${read}`);
  });

  it('holds when the observer sees what the writer had read', () => {
    expect(ofKind(replyAfterReading('question').h, 'writes-follow-reads')).toEqual([]);
  });

  it('follows a read of an indeterminate write: once read, it certainly happened', () => {
    const h = new HistoryBuilder();
    const w1 = h.write('carol', 'x', 'question', 10);
    h.info(w1, 20);
    const read = h.read('alice', 'x', 30);
    h.ok(read, 40, 'question');
    const w2 = h.write('alice', 'y', 'answer', 50);
    h.ok(w2, 60);
    const saw = h.read('bob', 'y', 70);
    h.ok(saw, 80, 'answer');
    const r = h.read('bob', 'x', 90);
    h.ok(r, 100, null);
    expect(ofKind(h, 'writes-follow-reads').map((f) => f.ops)).toEqual([[w1, read, w2, saw, r]]);
  });

  it('does not count a read that completed after the write was made (concurrent)', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('carol', 'x', 'question', 10), 20);
    const late = h.read('alice@phone', 'x', 30);
    h.ok(h.write('alice@laptop', 'y', 'answer', 35), 45);
    h.ok(late, 50, 'question');
    h.ok(h.read('bob', 'y', 70), 80, 'answer');
    h.ok(h.read('bob', 'x', 90), 100, null);
    expect(ofKind(h, 'writes-follow-reads')).toEqual([]);
  });
});

describe('causal consistency', () => {
  it('names the whole chain from the overwritten write to the read', () => {
    const h = new HistoryBuilder();
    const a = h.write('a', 'k1', 'v1', 10);
    h.ok(a, 20);
    const bRead = h.read('b', 'k1', 30);
    h.ok(bRead, 40, 'v1');
    const b = h.write('b', 'k2', 'v2', 50);
    h.ok(b, 60);
    const cRead = h.read('c', 'k2', 70);
    h.ok(cRead, 80, 'v2');
    const c = h.write('c', 'k3', 'v3', 90);
    h.ok(c, 100);
    const oRead = h.read('observer', 'k3', 110);
    h.ok(oRead, 120, 'v3');
    const r = h.read('observer', 'k1', 130);
    h.ok(r, 140, null);
    const found = ofKind(h, 'causal');
    expect(found.map((f) => f.ops)).toEqual([[a, bRead, b, cRead, c, oRead, r]]);
    expect(found[0]?.explanation).toContain(
      `op ${a} → op ${bRead} → op ${b} → op ${cRead} → op ${c} → op ${oRead} → op ${r}`,
    );
  });

  it('reports a value that happens before the write the reader depends on', () => {
    const h = new HistoryBuilder();
    const old = h.write('a', 'x', 'old', 0);
    h.ok(old, 10);
    const aRead = h.read('b', 'x', 20);
    h.ok(aRead, 30, 'old');
    const newer = h.write('b', 'x', 'new', 40);
    h.ok(newer, 50);
    const r = h.read('b', 'x', 60);
    h.ok(r, 70, 'old');
    expect(ofKind(h, 'causal').map((f) => f.ops)).toEqual([[old, newer, r]]);
  });

  it('allows a value concurrent with the one depended on (causality does not order them)', () => {
    const h = new HistoryBuilder();
    // a's write is older in real time, but b never saw it: the two are causally concurrent.
    h.ok(h.write('a', 'x', 'from-a', 0), 10);
    h.ok(h.write('b', 'x', 'from-b', 20), 30);
    h.ok(h.read('b', 'y', 40), 50, null);
    h.ok(h.read('c', 'x', 60), 70, 'from-b');
    h.ok(h.read('c', 'x', 80), 90, 'from-a');
    expect(ofKind(h, 'causal')).toEqual([]);
  });

  it('does not depend on an indeterminate write nobody saw', () => {
    const h = new HistoryBuilder();
    h.info(h.write('a', 'x', 'maybe', 0), 10);
    h.ok(h.read('a', 'x', 20), 30, null);
    expect(ofKind(h, 'causal')).toEqual([]);
  });

  it('does not order an indeterminate write before its own session: it may land later', () => {
    // A timed-out write still in flight can take effect after its client's next read, and a
    // read by someone else later shows it did: a linearizable history, no causal anomaly.
    const h = new HistoryBuilder();
    const w = h.write('a', 'x', 'late', 0);
    h.info(w, 10);
    h.ok(h.read('a', 'x', 20), 30, null);
    h.ok(h.read('b', 'x', 40), 50, 'late');
    expect(ofKind(h, 'causal')).toEqual([]);
  });

  it('orders an indeterminate write before its session once its session has read it', () => {
    const h = new HistoryBuilder();
    const w = h.write('a', 'x', 'late', 0);
    h.info(w, 10);
    const seen = h.read('a', 'x', 20);
    h.ok(seen, 30, 'late');
    const r = h.read('a', 'x', 40);
    h.ok(r, 50, null);
    expect(ofKind(h, 'causal').map((f) => f.ops)).toEqual([[w, seen, r]]);
  });

  it('depends on an indeterminate write once a read has shown it happened', () => {
    const h = new HistoryBuilder();
    const w = h.write('a', 'x', 'maybe', 0);
    h.info(w, 10);
    const seen = h.read('b', 'x', 20);
    h.ok(seen, 30, 'maybe');
    const r = h.read('b', 'x', 40);
    h.ok(r, 50, null);
    expect(ofKind(h, 'causal').map((f) => f.ops)).toEqual([[w, seen, r]]);
  });

  it('holds on the figure of consistent prefix when the observer sees the question', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('poons', 'question', 'Q', 10), 20);
    h.ok(h.read('cake', 'question', 30), 40, 'Q');
    h.ok(h.write('cake', 'answer', 'A', 50), 60);
    h.ok(h.read('observer', 'answer', 70), 80, 'A');
    h.ok(h.read('observer', 'question', 90), 100, 'Q');
    expect(checkHistory(h.history, { staleReadBoundMs: 10_000 })).toEqual([]);
  });
});
