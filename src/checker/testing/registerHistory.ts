/**
 * Random histories of clients using registers that behave as one copy (linearizable): every
 * operation takes effect at one instant strictly inside its invoke..completion window, or (a
 * failed write) never, or (an indeterminate write) maybe, maybe later. Such a history has no
 * anomaly of any kind, whichever instants were drawn: that is what the property tests check.
 *
 * With lagging replicas (`laggingPlansArb`) each write reaches each of three copies some time
 * after it took effect, in whatever order the lags make, and each read asks one copy: the
 * histories of an asynchronously replicated store, full of the anomalies of replication lag.
 */
import fc from 'fast-check';
import type { HistoryOp, Value } from '../../engine/types';

const PROCESSES = ['user-1', 'user-2@phone', 'user-2@laptop', 'user-3'];
const KEYS = ['x', 'y', 'z'];

interface PlannedOp {
  f: 'read' | 'write';
  key: string;
  gapMs: number;
  durationMs: number;
  outcome: 'ok' | 'fail' | 'info';
  /** Where in its window it takes effect, in thousandths; an indeterminate write may go past it. */
  at: number;
  /** Indeterminate writes only: did it take effect at all? */
  happened: boolean;
  /** Lagging replicas: the copy a read asks (default: the one copy). */
  replica?: number;
  /** Lagging replicas: how long after taking effect a write reaches each copy (default: at once). */
  lagMs?: number[];
}

const opFields = {
  f: fc.constantFrom('read' as const, 'write' as const),
  key: fc.constantFrom(...KEYS),
  gapMs: fc.integer({ min: 0, max: 30 }),
  durationMs: fc.integer({ min: 1, max: 60 }),
  outcome: fc.constantFrom(
    'ok' as const,
    'ok' as const,
    'ok' as const,
    'fail' as const,
    'info' as const,
  ),
  at: fc.integer({ min: 1, max: 999 }),
  happened: fc.boolean(),
};

const opArb: fc.Arbitrary<PlannedOp> = fc.record(opFields);

export const plansArb = fc.array(fc.array(opArb, { maxLength: 12 }), {
  minLength: 1,
  maxLength: PROCESSES.length,
});

const REPLICAS = 3;

/** Two keys and a copy far behind: users often see a write before the writes before it. */
const laggingOpArb: fc.Arbitrary<PlannedOp> = fc.record({
  ...opFields,
  key: fc.constantFrom('x', 'y'),
  replica: fc.nat(REPLICAS - 1),
  // Two copies close behind, the third far behind (as a replica across a slow link).
  lagMs: fc.tuple(
    fc.integer({ min: 0, max: 30 }),
    fc.integer({ min: 0, max: 30 }),
    fc.integer({ min: 100, max: 400 }),
  ),
});

export const laggingPlansArb = fc.array(fc.array(laggingOpArb, { minLength: 8, maxLength: 16 }), {
  minLength: 3,
  maxLength: PROCESSES.length,
});

interface Timed {
  time: number;
  /** Completions sort before invokes at the same time (a process's next op starts after). */
  rank: number;
  seq: number;
  entry: Omit<HistoryOp, 'index' | 'traceId' | 'time'>;
}

/** Build the history of the planned operations, each reading what its copy holds then. */
export function registerHistory(plans: PlannedOp[][]): HistoryOp[] {
  const timed: Timed[] = [];
  const effects: Array<{ at: number; apply: () => void }> = [];
  const copies = Array.from({ length: REPLICAS }, () => new Map<string, Value>());
  let opId = 1;
  plans.forEach((ops, p) => {
    const process = PROCESSES[p] as string;
    let t = 0;
    let n = 0;
    for (const op of ops) {
      const id = opId++;
      const invokeAt = t + op.gapMs;
      const doneAt = invokeAt + op.durationMs;
      t = doneAt;
      const value: Value = op.f === 'write' ? `${process}#${++n}` : null;
      const base = { process, opId: id, f: op.f, key: op.key };
      const seq = timed.length;
      timed.push({ time: invokeAt, rank: 1, seq, entry: { ...base, type: 'invoke', value } });
      const done: Timed = {
        time: doneAt,
        rank: 0,
        seq: seq + 1,
        entry: { ...base, type: op.outcome, value },
      };
      timed.push(done);
      // An indeterminate write may take effect after its client gave up: up to twice as late.
      const span = op.outcome === 'info' ? 2 * op.durationMs : op.durationMs;
      const effectAt = invokeAt + (op.at / 1000) * span;
      if (op.f === 'write' && (op.outcome === 'ok' || (op.outcome === 'info' && op.happened))) {
        (op.lagMs ?? [0]).forEach((lag, r) => {
          const copy = copies[r] as Map<string, Value>;
          effects.push({ at: effectAt + lag, apply: () => copy.set(op.key, value) });
        });
      } else if (op.f === 'read' && op.outcome === 'ok') {
        const copy = copies[op.replica ?? 0] as Map<string, Value>;
        effects.push({
          at: effectAt,
          apply: () => (done.entry.value = copy.get(op.key) ?? null),
        });
      }
    }
  });
  effects.sort((a, b) => a.at - b.at);
  for (const e of effects) e.apply();
  timed.sort((a, b) => a.time - b.time || a.rank - b.rank || a.seq - b.seq);
  return timed.map((t, index) => ({ ...t.entry, index, traceId: index, time: t.time }));
}

/** The same history with some reads answered with any value the key ever had (or nothing). */
export function corrupt(history: HistoryOp[], picks: number[]): HistoryOp[] {
  const written = history.filter((h) => h.type === 'invoke' && h.f === 'write');
  let i = 0;
  return history.map((h) => {
    if (h.type !== 'ok' || h.f !== 'read') return h;
    const pick = picks[i++ % Math.max(1, picks.length)] ?? 0;
    const candidates = [null, ...written.filter((w) => w.key === h.key).map((w) => w.value)];
    return { ...h, value: candidates[pick % candidates.length] ?? null };
  });
}
