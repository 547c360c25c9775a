import { describe, expect, it } from 'vitest';
import { checkHistory, countByKind, feedChecker, newChecker } from './index';
import { HistoryBuilder } from './testing/historyBuilder';

const kinds = (findings: { kind: string }[]) => findings.map((f) => f.kind);

describe('read-your-writes', () => {
  it('reports a read that misses the same session’s acknowledged write', () => {
    const h = new HistoryBuilder();
    const w = h.write('user-1', 'x', 'a', 10);
    h.ok(w, 20);
    const r = h.read('user-1', 'x', 30);
    h.ok(r, 40, null, 'n2');
    const findings = checkHistory(h.history).filter((f) => f.kind === 'read-your-writes');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.ops).toEqual([w, r]);
    expect(findings[0]?.explanation).toContain(`op ${w}`);
    expect(findings[0]?.explanation).toContain(`op ${r}`);
    expect(findings[0]?.explanation).toContain('n2');
  });

  it('reports it across a user’s devices (user-1@phone writes, user-1@laptop reads)', () => {
    const h = new HistoryBuilder();
    const w = h.write('user-1@phone', 'x', 'a', 10);
    h.ok(w, 20);
    const r = h.read('user-1@laptop', 'x', 30);
    h.ok(r, 40, null);
    const found = checkHistory(h.history).filter((f) => f.kind === 'read-your-writes');
    expect(found.map((f) => f.ops)).toEqual([[w, r]]);
    expect(found[0]?.explanation).toContain('another of their devices');
  });

  it('does not report another user missing the write (that is staleness, not read-your-writes)', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('user-1', 'x', 'a', 10), 20);
    h.ok(h.read('user-2', 'x', 30), 40, null);
    expect(kinds(checkHistory(h.history))).toEqual(['stale-read']);
  });

  it('reports reading a value the user’s own later write had overwritten', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('user-1', 'x', 'a', 10), 20);
    const w2 = h.write('user-1', 'x', 'b', 30);
    h.ok(w2, 40);
    const r = h.read('user-1', 'x', 50);
    h.ok(r, 60, 'a');
    const ryw = checkHistory(h.history).filter((f) => f.kind === 'read-your-writes');
    expect(ryw.map((f) => f.ops)).toEqual([[w2, r]]);
  });

  it('does not report a read that overlaps the write (it was not yet acknowledged)', () => {
    const h = new HistoryBuilder();
    const w = h.write('user-1@phone', 'x', 'a', 10);
    const r = h.read('user-1@laptop', 'x', 15);
    h.ok(w, 20);
    h.ok(r, 25, null);
    expect(checkHistory(h.history)).toEqual([]);
  });

  it('does not report a failed write: it did not happen', () => {
    const h = new HistoryBuilder();
    h.fail(h.write('user-1', 'x', 'a', 10), 20);
    h.ok(h.read('user-1', 'x', 30), 40, null);
    expect(checkHistory(h.history)).toEqual([]);
  });

  it('does not report an indeterminate write: it may not have happened', () => {
    const h = new HistoryBuilder();
    h.info(h.write('user-1', 'x', 'a', 10), 20);
    h.ok(h.read('user-1', 'x', 30), 40, null);
    expect(checkHistory(h.history)).toEqual([]);
  });

  it('does not report a concurrent write by someone else winning', () => {
    const h = new HistoryBuilder();
    const a = h.write('user-1', 'x', 'a', 10);
    const b = h.write('user-2', 'x', 'b', 12);
    h.ok(a, 20);
    h.ok(b, 22);
    h.ok(h.read('user-1', 'x', 30), 40, 'b');
    expect(checkHistory(h.history)).toEqual([]);
  });
});

describe('monotonic reads', () => {
  it('reports a user who sees a value and then an older one', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('user-1234', 'comments', 'c1', 10), 20);
    const r1 = h.read('user-2345', 'comments', 30);
    h.ok(r1, 40, 'c1', 'follower-1');
    const r2 = h.read('user-2345', 'comments', 50);
    h.ok(r2, 60, null, 'follower-2');
    const mr = checkHistory(h.history).filter((f) => f.kind === 'monotonic-reads');
    expect(mr.map((f) => f.ops)).toEqual([[r1, r2]]);
    expect(mr[0]?.explanation).toContain('follower-2');
  });

  it('does not report overlapping reads from two devices', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('user-1', 'x', 'a', 10), 20);
    const r1 = h.read('user-2@phone', 'x', 30);
    const r2 = h.read('user-2@laptop', 'x', 31);
    h.ok(r1, 40, 'a');
    h.ok(r2, 41, null);
    expect(kinds(checkHistory(h.history))).not.toContain('monotonic-reads');
  });

  it('does not order concurrent writes: seeing b then a is fine when they overlapped', () => {
    const h = new HistoryBuilder();
    const a = h.write('user-1', 'x', 'a', 10);
    const b = h.write('user-3', 'x', 'b', 11);
    h.ok(a, 20);
    h.ok(b, 21);
    h.ok(h.read('user-2', 'x', 30), 31, 'b');
    h.ok(h.read('user-2', 'x', 40), 41, 'a');
    expect(checkHistory(h.history)).toEqual([]);
  });

  it('does not judge a value of an indeterminate write as older', () => {
    const h = new HistoryBuilder();
    const a = h.write('user-1', 'x', 'a', 10);
    h.info(a, 50);
    h.ok(h.write('user-1', 'x', 'b', 60), 70);
    h.ok(h.read('user-2', 'x', 80), 81, 'b');
    // The indeterminate write may have taken effect late, after b.
    h.ok(h.read('user-2', 'x', 90), 91, 'a');
    expect(checkHistory(h.history)).toEqual([]);
  });

  it('does not let a failed write’s value become something a user depends on', () => {
    const h = new HistoryBuilder();
    h.fail(h.write('user-1', 'x', 'never', 10), 20);
    h.ok(h.read('user-2', 'x', 30), 40, 'never');
    h.ok(h.read('user-2', 'x', 50), 60, null);
    expect(checkHistory(h.history)).toEqual([]);
  });

  it('does not judge values written more than once (they cannot be traced to one write)', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('user-1', 'x', 'same', 10), 20);
    h.ok(h.write('user-1', 'x', 'new', 30), 40);
    h.ok(h.write('user-1', 'x', 'same', 50), 60);
    h.ok(h.read('user-2', 'x', 70), 71, 'new');
    h.ok(h.read('user-2', 'x', 80), 81, 'same');
    // The first read is stale (the second "same" was acknowledged before it); nothing else.
    expect(kinds(checkHistory(h.history))).toEqual(['stale-read']);
  });

  it('does not judge null once a write wrote null (a delete looks like the initial state)', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('user-1', 'x', 'a', 10), 20);
    h.ok(h.write('user-1', 'x', null, 30), 40);
    h.ok(h.read('user-2', 'x', 50), 51, 'a');
    h.ok(h.read('user-2', 'x', 60), 61, null);
    expect(kinds(checkHistory(h.history))).not.toContain('monotonic-reads');
  });
});

describe('consistent prefix (figure 5-5)', () => {
  function poonsAndCake(observerSeesQuestion: boolean) {
    const h = new HistoryBuilder();
    const question = h.write('poons', 'question', 'How far into the future can you see?', 10);
    h.ok(question, 20, undefined, 'p1-leader');
    const cakeReads = h.read('cake', 'question', 30);
    h.ok(cakeReads, 40, 'How far into the future can you see?', 'p1-leader');
    const answer = h.write('cake', 'answer', 'About ten seconds usually.', 50);
    h.ok(answer, 60, undefined, 'p2-leader');
    const seesAnswer = h.read('observer', 'answer', 70);
    h.ok(seesAnswer, 80, 'About ten seconds usually.', 'p2-follower');
    const asksQuestion = h.read('observer', 'question', 90);
    const seen = observerSeesQuestion ? 'How far into the future can you see?' : null;
    h.ok(asksQuestion, 100, seen, 'p1-follower');
    return { h, question, answer, seesAnswer, asksQuestion };
  }

  it('reports the observer who hears the answer before the question', () => {
    const { h, question, answer, seesAnswer, asksQuestion } = poonsAndCake(false);
    const cp = checkHistory(h.history).filter((f) => f.kind === 'consistent-prefix');
    expect(cp.map((f) => f.ops)).toEqual([[question, answer, seesAnswer, asksQuestion]]);
    expect(cp[0]?.explanation).toContain('p1-follower');
  });

  it('reports nothing when the observer sees both', () => {
    expect(checkHistory(poonsAndCake(true).h.history)).toEqual([]);
  });

  it('reports nothing when the observer reads the question first (a prefix is fine)', () => {
    const h = new HistoryBuilder();
    const q = h.write('poons', 'question', 'Q', 10);
    h.ok(q, 20);
    h.ok(h.read('cake', 'question', 30), 40, 'Q');
    h.ok(h.write('cake', 'answer', 'A', 50), 60);
    h.ok(h.read('observer', 'question', 70), 80, null);
    h.ok(h.read('observer', 'answer', 90), 100, 'A');
    expect(kinds(checkHistory(h.history, { staleReadBoundMs: 1000 }))).toEqual([]);
  });

  it('follows causality through several writes', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('a', 'k1', 'v1', 10), 20);
    h.ok(h.read('b', 'k1', 30), 40, 'v1');
    h.ok(h.write('b', 'k2', 'v2', 50), 60);
    h.ok(h.read('c', 'k2', 70), 80, 'v2');
    h.ok(h.write('c', 'k3', 'v3', 90), 100);
    h.ok(h.read('observer', 'k3', 110), 120, 'v3');
    h.ok(h.read('observer', 'k1', 130), 140, null);
    // Consistent prefix is a special case of causal consistency: both are broken.
    expect(kinds(checkHistory(h.history, { staleReadBoundMs: 1000 }))).toEqual([
      'consistent-prefix',
      'causal',
    ]);
  });

  it('does not treat a write as caused by a read that had not completed', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('poons', 'question', 'Q', 10), 20);
    const cakeReads = h.read('cake@phone', 'question', 30);
    // Cake answers from her laptop while her phone's read is still on its way.
    h.ok(h.write('cake@laptop', 'answer', 'A', 35), 45);
    h.ok(cakeReads, 50, 'Q');
    h.ok(h.read('observer', 'answer', 70), 80, 'A');
    h.ok(h.read('observer', 'question', 90), 100, null);
    expect(kinds(checkHistory(h.history, { staleReadBoundMs: 1000 }))).toEqual([]);
  });
});

describe('stale reads beyond a bound', () => {
  function staleBy60() {
    const h = new HistoryBuilder();
    h.ok(h.write('user-1', 'x', 'a', 0), 10);
    const b = h.write('user-1', 'x', 'b', 20);
    h.ok(b, 40);
    const r = h.read('user-2', 'x', 100);
    h.ok(r, 110, 'a', 'n3');
    return { h, b, r };
  }

  it('measures staleness from the first newer acknowledgement to the read’s start', () => {
    const { h, b, r } = staleBy60();
    const stale = checkHistory(h.history, { staleReadBoundMs: 50 });
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({ kind: 'stale-read', ops: [b, r], stalenessMs: 60 });
    expect(stale[0]?.explanation).toContain('60 ms');
  });

  it('does not report staleness within the bound', () => {
    expect(checkHistory(staleBy60().h.history, { staleReadBoundMs: 60 })).toEqual([]);
  });

  it('does not count a write that was not yet acknowledged when the read began', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('user-1', 'x', 'a', 0), 10);
    const b = h.write('user-1', 'x', 'b', 20);
    const r = h.read('user-2', 'x', 30);
    h.ok(b, 40);
    h.ok(r, 110, 'a');
    expect(checkHistory(h.history)).toEqual([]);
  });
});

describe('lost writes and divergence (final state)', () => {
  it('reports acknowledged writes the authoritative state lacks, never failed or unknown ones', () => {
    const h = new HistoryBuilder();
    const kept = h.write('user-1', 'x', 'a', 0);
    h.ok(kept, 10);
    const lost = h.write('user-1', 'x', 'b', 20);
    h.ok(lost, 30);
    h.fail(h.write('user-1', 'x', 'c', 40), 50);
    h.info(h.write('user-1', 'x', 'd', 60), 70);
    const folded = h.write('user-1', 'y', 'e', 80);
    h.ok(folded, 90);
    const final = {
      replicas: { n1: { x: 'a', y: 'e' } },
      durable: { where: 'n1', holds: [kept], unknown: [folded] },
    };
    const found = checkHistory(h.history, {}, final).filter((f) => f.kind === 'lost-write');
    expect(found.map((f) => f.ops)).toEqual([[lost]]);
    expect(found[0]?.explanation).toContain('n1');
  });

  it('reports each key on which replicas of one group disagree, naming the writes', () => {
    const h = new HistoryBuilder();
    const a = h.write('user-1', 'x', 'a', 0);
    h.ok(a, 10);
    const b = h.write('user-2', 'x', 'b', 5);
    h.ok(b, 15);
    const final = {
      replicas: { n1: { x: 'a', y: 1 }, n2: { x: 'b', y: 1 }, n3: { z: 'other partition' } },
      groups: [['n1', 'n2'], ['n3']],
    };
    const found = checkHistory(h.history, {}, final).filter((f) => f.kind === 'divergence');
    expect(found.map((f) => f.ops)).toEqual([[a, b]]);
    expect(found[0]?.explanation).toMatch(/n1 holds "a".*n2 holds "b"/);
  });

  it('finds no divergence when every replica agrees', () => {
    const final = { replicas: { n1: { x: 'a' }, n2: { x: 'a' } } };
    expect(checkHistory([], {}, final)).toEqual([]);
  });
});

describe('feeding the history as it grows', () => {
  it('finds the same anomalies fed entry by entry as all at once', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('user-1', 'x', 'a', 10), 20);
    h.ok(h.read('user-1', 'x', 30), 40, null);
    h.ok(h.read('user-2', 'x', 50), 60, 'a');
    h.ok(h.read('user-2', 'x', 70), 80, null);
    const checker = newChecker();
    for (let n = 1; n <= h.history.length; n++) feedChecker(checker, h.history.slice(0, n));
    const id = (f: { kind: string; ops: number[] }) => `${f.kind}:${f.ops.join(',')}`;
    const byId = (a: { kind: string; ops: number[] }, b: { kind: string; ops: number[] }) =>
      id(a) < id(b) ? -1 : 1;
    expect([...checker.findings].sort(byId)).toEqual(checkHistory(h.history).sort(byId));
    expect(countByKind(checker.findings)['read-your-writes']).toBe(1);
  });

  it('starts over when the history was rewritten (time travel)', () => {
    const h = new HistoryBuilder();
    h.ok(h.write('user-1', 'x', 'a', 10), 20);
    h.ok(h.read('user-1', 'x', 30), 40, null);
    const checker = newChecker();
    feedChecker(checker, h.history);
    expect(kinds(checker.findings).sort()).toEqual(['causal', 'read-your-writes', 'stale-read']);
    // The same first two entries, replayed, then a read that sees the write.
    const replay = new HistoryBuilder();
    replay.ok(replay.write('user-1', 'x', 'a', 10), 20);
    replay.ok(replay.read('user-1', 'x', 30), 40, 'a');
    feedChecker(checker, replay.history);
    expect(checker.findings).toEqual([]);
  });
});
