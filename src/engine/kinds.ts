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

/** The code of message kind `kind`, giving it the next one if it has none yet. */
export function kindCode(kind: string): number {
  let code = codes.get(kind);
  if (code === undefined) {
    code = names.length;
    codes.set(kind, code);
    names.push(kind);
    hashes.push(hashString(kind));
  }
  return code;
}

/**
 * The codes of the last two kinds one caller asked for. Each sender keeps its own: a node's
 * sends alternate between two kinds in runs (a leader's replicates, its followers' acks), as
 * do the clients' requests (reads and writes), and comparing interned strings is much cheaper
 * than a Map look-up; one memo shared by all of them missed on a third of the messages.
 */
export class KindCodes {
  private recent = '';
  private recentCode = -1;
  private before = '';
  private beforeCode = -1;

  /** `kindCode(kind)`, remembered. */
  codeOf(kind: string): number {
    if (kind === this.recent) return this.recentCode;
    const code = kind === this.before ? this.beforeCode : kindCode(kind);
    this.before = this.recent;
    this.beforeCode = this.recentCode;
    this.recent = kind;
    this.recentCode = code;
    return code;
  }
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
