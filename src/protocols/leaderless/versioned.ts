/**
 * What a replica stores per key: the sibling values not yet overwritten, each tagged with the
 * dot of the write that made it, and the object's version vector (every write this copy has seen,
 * kept or overwritten). This is the dotted-version-vector scheme Riak uses: a sibling is dropped
 * only by a copy that has seen it (its vector covers the dot) and no longer holds it, so a merge
 * never resurrects an overwritten value nor drops a concurrent one.
 *
 * Under last-write-wins, the same merge runs and then only the sibling with the highest
 * timestamp survives; each concurrent sibling it drops is returned as a discard to report.
 */
import type { ClientId, Value } from '../../engine/types';
import {
  covers,
  type Dot,
  dotLabel,
  merge,
  type VersionVector,
  vectorLabel,
} from './versionVector';

export interface Sibling {
  value: Value;
  dot: Dot;
  /** The coordinator's local clock when it took the write: what last-write-wins compares. */
  ts: number;
  opId: number;
  client: ClientId;
}

export interface Versioned {
  vv: VersionVector;
  /** Sorted by dot, so equal objects are equal records. */
  siblings: Sibling[];
}

export type ConflictMode = 'siblings' | 'lww';

/** A concurrent write that last-write-wins threw away, and the one that beat it. */
export interface LwwDiscard {
  loser: Sibling;
  winner: Sibling;
}

export interface MergeResult {
  obj: Versioned;
  discarded: LwwDiscard[];
}

export const EMPTY_OBJECT: Versioned = Object.freeze({ vv: {}, siblings: [] }) as Versioned;

function sameDot(a: Dot, b: Dot): boolean {
  return a.node === b.node && a.counter === b.counter;
}

function byDot(a: Sibling, b: Sibling): number {
  if (a.dot.node !== b.dot.node) return a.dot.node < b.dot.node ? -1 : 1;
  return a.dot.counter - b.dot.counter;
}

/** Highest timestamp wins; ties go to the higher dot, so every replica picks the same one. */
function lwwBeats(a: Sibling, b: Sibling): boolean {
  return a.ts !== b.ts ? a.ts > b.ts : byDot(a, b) > 0;
}

function resolve(siblings: Sibling[], vv: VersionVector, mode: ConflictMode): MergeResult {
  const sorted = [...siblings].sort(byDot);
  if (mode === 'siblings' || sorted.length <= 1)
    return { obj: { vv, siblings: sorted }, discarded: [] };
  let winner = sorted[0] as Sibling;
  for (const s of sorted) if (lwwBeats(s, winner)) winner = s;
  const discarded = sorted.filter((s) => s !== winner).map((loser) => ({ loser, winner }));
  return { obj: { vv, siblings: [winner] }, discarded };
}

/** Keep a's siblings that b also holds or has never seen. */
function survivors(a: Versioned, b: Versioned): Sibling[] {
  return a.siblings.filter(
    (s) => b.siblings.some((t) => sameDot(s.dot, t.dot)) || !covers(b.vv, s.dot),
  );
}

/** Merge two copies of one key (replication, read repair, hinted handoff, anti-entropy). */
export function mergeObjects(a: Versioned, b: Versioned, mode: ConflictMode): MergeResult {
  const fromB = survivors(b, a).filter((s) => !a.siblings.some((t) => sameDot(s.dot, t.dot)));
  return resolve([...survivors(a, b), ...fromB], merge(a.vv, b.vv), mode);
}

/**
 * The coordinator applies a client's write to its own copy: the write gets the next dot of the
 * coordinator, and overwrites exactly the siblings covered by the version the client read
 * (`context`); siblings the client never saw stay, as concurrent values.
 */
export function applyWrite(
  local: Versioned,
  context: VersionVector,
  write: Omit<Sibling, 'dot'>,
  coordinator: string,
  mode: ConflictMode,
): MergeResult & { dot: Dot } {
  const dot = { node: coordinator, counter: (local.vv[coordinator] ?? 0) + 1 };
  const kept = local.siblings.filter((s) => !covers(context, s.dot));
  const vv = merge(merge(local.vv, context), { [coordinator]: dot.counter });
  return { ...resolve([...kept, { ...write, dot }], vv, mode), dot };
}

/** A short fingerprint of a copy: equal copies, equal digests (compared by Merkle trees). */
export function digest(obj: Versioned): string {
  return `${vectorLabel(obj.vv)}${obj.siblings.map((s) => dotLabel(s.dot)).join(',')}`;
}

export function sameObject(a: Versioned, b: Versioned): boolean {
  return digest(a) === digest(b);
}
