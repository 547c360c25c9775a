import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyWrite,
  type ConflictMode,
  digest,
  EMPTY_OBJECT,
  type LwwDiscard,
  mergeObjects,
  type Versioned,
} from './versioned';
import { covers, type Dot, type VersionVector } from './versionVector';

const REPLICAS = ['a', 'b', 'c'];

type Step =
  | { kind: 'write'; at: number; readFrom: number; ts: number }
  | { kind: 'sync'; to: number; from: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    at: fc.integer({ min: 0, max: 2 }),
    readFrom: fc.integer({ min: -1, max: 2 }),
    ts: fc.integer({ min: 0, max: 50 }),
  }),
  fc.record({
    kind: fc.constant('sync' as const),
    to: fc.integer({ min: 0, max: 2 }),
    from: fc.integer({ min: 0, max: 2 }),
  }),
);

interface Written {
  opId: number;
  dot: Dot;
  context: VersionVector;
}

/** Replay steps over three copies; a write's client first read one copy (or none: -1). */
function replay(steps: Step[], mode: ConflictMode) {
  const copies: Versioned[] = REPLICAS.map(() => EMPTY_OBJECT);
  const writes: Written[] = [];
  const discards: LwwDiscard[] = [];
  const syncInto = (to: number, from: number) => {
    const r = mergeObjects(copies[to] as Versioned, copies[from] as Versioned, mode);
    copies[to] = r.obj;
    discards.push(...r.discarded);
  };
  steps.forEach((step, opId) => {
    if (step.kind === 'sync') {
      syncInto(step.to, step.from);
      return;
    }
    const context = step.readFrom < 0 ? {} : (copies[step.readFrom] as Versioned).vv;
    const write = { value: `w${opId}`, ts: step.ts, opId, client: 'c' };
    const r = applyWrite(
      copies[step.at] as Versioned,
      context,
      write,
      REPLICAS[step.at] as string,
      mode,
    );
    copies[step.at] = r.obj;
    discards.push(...r.discarded);
    writes.push({ opId, dot: r.dot, context });
  });
  // Heal: every copy exchanges with every other, twice round, so all have seen everything.
  for (let round = 0; round < 2; round++)
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) syncInto(i, j);
  return { copies, writes, discards };
}

const sameDot = (a: Dot, b: Dot) => a.node === b.node && a.counter === b.counter;

describe('merging versioned copies', () => {
  it('converges: after every copy has met every other, all are equal', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { maxLength: 30 }),
        fc.constantFrom<ConflictMode>('siblings', 'lww'),
        (steps, mode) => {
          const { copies } = replay(steps, mode);
          const digests = copies.map(digest);
          expect(new Set(digests).size).toBe(1);
        },
      ),
    );
  });

  it('merge is commutative and idempotent on reachable copies', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { maxLength: 25 }),
        fc.constantFrom<ConflictMode>('siblings', 'lww'),
        (steps, mode) => {
          const copies: Versioned[] = [];
          const midway = replay(steps.slice(0, Math.floor(steps.length / 2)), mode).copies;
          copies.push(...midway);
          for (const a of copies)
            for (const b of copies) {
              const ab = mergeObjects(a, b, mode).obj;
              expect(digest(ab)).toBe(digest(mergeObjects(b, a, mode).obj));
              expect(digest(mergeObjects(ab, b, mode).obj)).toBe(digest(ab));
            }
        },
      ),
    );
  });

  it('with siblings, no write is lost: each is kept or was overwritten by a write that read it', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        const { copies, writes } = replay(steps, 'siblings');
        const final = copies[0] as Versioned;
        for (const w of writes) {
          const kept = final.siblings.some((s) => sameDot(s.dot, w.dot));
          const overwritten = writes.some((o) => covers(o.context, w.dot));
          expect(kept || overwritten, `write ${w.opId}`).toBe(true);
        }
        // and no kept sibling was overwritten by another kept one
        for (const s of final.siblings) {
          const over = writes.filter((o) => final.siblings.some((t) => sameDot(t.dot, o.dot)));
          expect(over.some((o) => covers(o.context, s.dot))).toBe(false);
        }
      }),
    );
  });

  it('under last-write-wins, every write that vanished without being read is reported', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        const { copies, writes, discards } = replay(steps, 'lww');
        const final = copies[0] as Versioned;
        expect(final.siblings.length).toBeLessThanOrEqual(1);
        for (const w of writes) {
          const kept = final.siblings.some((s) => sameDot(s.dot, w.dot));
          const overwritten = writes.some((o) => covers(o.context, w.dot));
          const reported = discards.some((d) => d.loser.opId === w.opId);
          expect(kept || overwritten || reported, `write ${w.opId}`).toBe(true);
        }
      }),
    );
  });

  it('a write overwrites exactly what its client read (figure 5-13, steps 1-3)', () => {
    const w = (value: string, opId: number) => ({ value, ts: opId, opId, client: 'c' });
    const one = applyWrite(EMPTY_OBJECT, {}, w('milk', 1), 'db', 'siblings');
    const two = applyWrite(one.obj, {}, w('eggs', 2), 'db', 'siblings');
    const three = applyWrite(two.obj, one.obj.vv, w('milk,flour', 3), 'db', 'siblings');
    expect(two.obj.siblings.map((s) => s.value)).toEqual(['milk', 'eggs']);
    expect(three.obj.vv).toEqual({ db: 3 });
    expect(three.obj.siblings.map((s) => s.value)).toEqual(['eggs', 'milk,flour']);
  });
});
