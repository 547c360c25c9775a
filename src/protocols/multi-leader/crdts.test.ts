import { describe, expect, it } from 'vitest';
import type { Change } from './change';
import { applySet, counterValue, emptySet, setItems, tagsOf } from './crdts';
import { applySeq, emptySeq, insertOp, seqValue } from './rga';
import { changeOf, replay } from './testing';
import { readKey } from './values';

describe('RGA', () => {
  it('keeps each typist’s concurrent run of characters together, the same on both sides', () => {
    const base = emptySeq('text');
    const hello = changeOf('a', 1, insertOp(base, 0, [...'Hello']));
    applySeq(base, hello);
    // Both type after "Hello" without having seen each other's text.
    const alice = changeOf('a', 2, insertOp(base, 5, [...' Alice']));
    const bob = changeOf('b', 1, insertOp(base, 5, [...' Bob']));
    const one = replay('text', 'lww', [hello, alice, bob]);
    const two = replay('text', 'lww', [hello, bob, alice]);
    expect(readKey(one, 'lww')).toBe(readKey(two, 'lww'));
    expect([`Hello Alice Bob`, `Hello Bob Alice`]).toContain(readKey(one, 'lww'));
  });

  it('holds an insert whose reference has not arrived, and places it once it does', () => {
    const s = emptySeq('list');
    const first = changeOf('a', 1, insertOp(s, 0, ['hi']));
    applySeq(s, first);
    const reply = changeOf('b', 1, insertOp(s, 1, ['hello!']));
    const late = emptySeq('list');
    applySeq(late, reply);
    expect(seqValue(late)).toBe('[]');
    applySeq(late, first);
    expect(seqValue(late)).toBe('["hi","hello!"]');
  });
});

describe('OR-set', () => {
  it('lets an add survive a concurrent remove of the same item', () => {
    const origin = emptySet();
    const add1 = changeOf('a', 1, { t: 'add', item: 'milk' });
    applySet(origin, add1);
    const remove = changeOf('a', 2, { t: 'remove', item: 'milk', tags: tagsOf(origin, 'milk') });
    const add2 = changeOf('b', 1, { t: 'add', item: 'milk' });
    for (const order of [
      [add1, remove, add2],
      [add2, remove, add1],
      [remove, add2, add1],
    ] as Change[][]) {
      const s = emptySet();
      for (const c of order) applySet(s, c);
      expect(setItems(s)).toEqual(['milk']);
    }
  });
});

describe('counter', () => {
  it('adds up every increment, whichever leader took it', () => {
    const changes = [
      changeOf('a', 1, { t: 'incr', by: 2 }),
      changeOf('b', 1, { t: 'incr', by: 5 }),
      changeOf('a', 2, { t: 'incr', by: -1 }),
    ];
    const state = replay('counter', 'lww', changes);
    expect(state.kind === 'counter' && counterValue(state)).toBe(6);
  });
});
