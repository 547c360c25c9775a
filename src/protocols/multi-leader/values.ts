/**
 * One key's state on a replica, whatever kind of value it holds: how a client's write becomes an
 * operation at its origin leader, how a change is applied on each replica, and what a read
 * returns. The register is resolved by the conflict strategy; the CRDTs need none.
 */
import type { Value } from '../../engine/types';
import type { Change, Op } from './change';
import type { ConflictStrategy, ValueKind } from './config';
import {
  applyCounter,
  applySet,
  type CounterState,
  counterValue,
  emptyCounter,
  emptySet,
  type SetState,
  setItems,
  tagsOf,
} from './crdts';
import {
  applyRegister,
  emptyRegister,
  keepsOne,
  type RegisterApplied,
  type RegisterState,
  registerValue,
} from './register';
import { applySeq, deleteOp, emptySeq, insertOp, type SeqState, seqValue } from './rga';

export type KeyState = RegisterState | CounterState | SetState | SeqState;

export function emptyKey(kind: ValueKind): KeyState {
  if (kind === 'counter') return emptyCounter();
  if (kind === 'set') return emptySet();
  if (kind === 'text' || kind === 'list') return emptySeq(kind);
  return emptyRegister();
}

const ADD_TO = /^\+=(-?\d+(?:\.\d+)?)$/;
const TEXT_INSERT = /^\+(\d+):([\s\S]+)$/;
const TEXT_DELETE = /^-(\d+):(\d+)$/;

/** The operation a client's write becomes at its origin, or why it cannot be one. */
export function originOp(state: KeyState, value: Value): Op | { error: string } {
  switch (state.kind) {
    case 'register': {
      const add = typeof value === 'string' ? ADD_TO.exec(value) : null;
      if (add !== null) return { t: 'add-to', by: Number(add[1]) };
      // The write overwrites what this replica shows. Writes those overwrote are gone already
      // (listed by the changes that overwrote them), so the list stays as short as the siblings.
      const replaces = state.siblings.map((s) => s.id);
      return { t: 'set', value, replaces };
    }
    case 'counter': {
      const by = typeof value === 'number' ? value : Number(value);
      if (value === null || value === '' || !Number.isFinite(by))
        return { error: 'a counter write is a number to add' };
      return { t: 'incr', by };
    }
    case 'set': {
      const text = String(value);
      if (text.startsWith('-') && text.length > 1)
        return { t: 'remove', item: text.slice(1), tags: tagsOf(state, text.slice(1)) };
      return { t: 'add', item: text };
    }
    default:
      return seqOp(state, String(value));
  }
}

function seqOp(state: SeqState, text: string): Op {
  if (state.kind === 'list') return insertOp(state, Number.MAX_SAFE_INTEGER, [text]);
  const ins = TEXT_INSERT.exec(text);
  if (ins !== null) return insertOp(state, Number(ins[1]), [...(ins[2] as string)]);
  const del = TEXT_DELETE.exec(text);
  if (del !== null) return deleteOp(state, Number(del[1]), Number(del[2]));
  return insertOp(state, Number.MAX_SAFE_INTEGER, [...text]);
}

const NOTHING: RegisterApplied = { missingRow: false, conflict: null };

/** Apply a change to the key's state in place. */
export function applyToKey(
  state: KeyState,
  change: Change,
  strategy: ConflictStrategy,
): RegisterApplied {
  switch (state.kind) {
    case 'register':
      return applyRegister(state, change, strategy);
    case 'counter':
      applyCounter(state, change);
      return NOTHING;
    case 'set':
      applySet(state, change);
      return NOTHING;
    default:
      applySeq(state, change);
      return NOTHING;
  }
}

/** What a read of the key returns on this replica. */
export function readKey(state: KeyState, strategy: ConflictStrategy): Value {
  switch (state.kind) {
    case 'register':
      return registerValue(state, strategy);
    case 'counter':
      return counterValue(state);
    case 'set':
      return JSON.stringify(setItems(state));
    default:
      return seqValue(state);
  }
}

/** Concurrent values the key holds (1 for anything but a register with siblings). */
export function siblingCount(state: KeyState, strategy: ConflictStrategy): number {
  if (state.kind !== 'register') return 1;
  return keepsOne(strategy) ? Math.min(1, state.siblings.length) : state.siblings.length;
}
