/**
 * RGA (replicated growable array, Roh et al. 2011): the sequence CRDT behind the collaborative
 * text and the chat. Each element has a unique id `(c, origin)` with `c` above every `c` its
 * origin had seen, and is inserted right after a reference element; concurrent inserts after the
 * same element are ordered by id, highest first. A deletion leaves a tombstone, so a later insert
 * can still refer to the element. Every replica that applied the same operations holds the same
 * sequence, whatever the order they came in: an insert whose reference has not arrived yet waits.
 */
import type { NodeId } from '../../engine/types';
import type { Change } from './change';

export interface Elem {
  id: string;
  c: number;
  origin: NodeId;
  value: string;
  deleted: boolean;
}

interface WaitingInsert {
  after: string;
  elem: Elem;
}

export interface SeqState {
  kind: 'text' | 'list';
  elems: Elem[];
  /** Ids of the elements present (a lookup that does not scan `elems`). */
  present: Record<string, true>;
  /** Deletions of elements not yet here. */
  deletedEarly: Record<string, true>;
  waiting: WaitingInsert[];
  maxC: number;
}

export function emptySeq(kind: 'text' | 'list'): SeqState {
  return { kind, elems: [], present: {}, deletedEarly: {}, waiting: [], maxC: 0 };
}

export function elemId(c: number, origin: NodeId): string {
  return `${c}@${origin}`;
}

/** Is `a` ordered before `b` among inserts after the same element (higher id first)? */
function greater(a: Elem, b: Elem): boolean {
  return a.c !== b.c ? a.c > b.c : a.origin > b.origin;
}

/** Where element `id` is; searched from the end, where typing and chat mostly insert. */
function indexOf(state: SeqState, id: string): number {
  for (let i = state.elems.length - 1; i >= 0; i--)
    if ((state.elems[i] as Elem).id === id) return i;
  return -1;
}

function insertAfter(state: SeqState, after: string | null, elem: Elem): boolean {
  if (state.present[elem.id] === true) return true;
  if (after !== null && state.present[after] !== true) return false;
  let i = after === null ? 0 : indexOf(state, after) + 1;
  while (i < state.elems.length && greater(state.elems[i] as Elem, elem)) i++;
  if (state.deletedEarly[elem.id] === true) elem.deleted = true;
  state.elems.splice(i, 0, elem);
  state.present[elem.id] = true;
  state.maxC = Math.max(state.maxC, elem.c);
  return true;
}

/** Insert whatever was waiting for a reference that has now arrived. */
function drainWaiting(state: SeqState): void {
  for (let progress = true; progress; ) {
    progress = false;
    const still: WaitingInsert[] = [];
    for (const w of state.waiting) {
      if (insertAfter(state, w.after, w.elem)) progress = true;
      else still.push(w);
    }
    state.waiting = still;
  }
}

export function applySeq(state: SeqState, change: Change): void {
  const op = change.op;
  if (op.t === 'ins') {
    let after = op.after;
    for (const item of op.items) {
      const elem: Elem = {
        id: elemId(item.c, change.origin),
        c: item.c,
        origin: change.origin,
        value: item.value,
        deleted: false,
      };
      state.maxC = Math.max(state.maxC, item.c);
      if (!insertAfter(state, after, elem)) state.waiting.push({ after: after as string, elem });
      after = elem.id;
    }
    if (state.waiting.length > 0) drainWaiting(state);
  }
  if (op.t === 'del') {
    for (const id of op.ids) {
      if (state.present[id] === true) (state.elems[indexOf(state, id)] as Elem).deleted = true;
      else state.deletedEarly[id] = true;
    }
  }
}

export function visible(state: SeqState): Elem[] {
  return state.elems.filter((e) => !e.deleted);
}

export function seqValue(state: SeqState): string {
  const items = visible(state).map((e) => e.value);
  return state.kind === 'text' ? items.join('') : JSON.stringify(items);
}

/** Insert `items` at visible position `pos` (clamped), as an op with fresh ids. */
export function insertOp(state: SeqState, pos: number, items: string[]) {
  const shown = visible(state);
  const at = Math.max(0, Math.min(pos, shown.length));
  const after = at === 0 ? null : (shown[at - 1] as Elem).id;
  return {
    t: 'ins' as const,
    after,
    items: items.map((value, i) => ({ c: state.maxC + 1 + i, value })),
  };
}

/** Delete `len` visible elements from position `pos`. */
export function deleteOp(state: SeqState, pos: number, len: number) {
  const ids = visible(state)
    .slice(Math.max(0, pos), Math.max(0, pos) + Math.max(0, len))
    .map((e) => e.id);
  return { t: 'del' as const, ids };
}
