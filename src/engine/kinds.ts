/**
 * Message kinds as small integers. Kinds are a protocol's fixed vocabulary ("replicate", "ack",
 * ...); interning each once per process lets the per-message path carry a number, for the
 * message log's kind column and for the trace hash, instead of looking a string up for every
 * message. A code never changes once given and never reaches the trace or its hash (which fold
 * the kind's string hash), so this table is a cache shared by all simulations, not their state.
 */
import { hashString } from './rng';

const codes = new Map<string, number>();
const names: string[] = [];
const hashes: number[] = [];

/**
 * The kind asked for last, and its code: sends come in runs of one kind (a leader's replicate
 * to each follower, their acks), and comparing two interned strings is cheaper than a Map look-up.
 */
let lastKind = '';
let lastCode = -1;

/** The code of message kind `kind`, giving it the next one if it has none yet. */
export function kindCode(kind: string): number {
  if (kind === lastKind) return lastCode;
  let code = codes.get(kind);
  if (code === undefined) {
    code = names.length;
    codes.set(kind, code);
    names.push(kind);
    hashes.push(hashString(kind));
  }
  lastKind = kind;
  lastCode = code;
  return code;
}

/** The kind a code stands for. */
export function kindName(code: number): string {
  const name = names[code];
  if (name === undefined) throw new Error(`no message kind has code ${code}`);
  return name;
}

/** `hashString` of the kind, computed once. */
export function kindHash(code: number): number {
  return hashes[code] as number;
}
