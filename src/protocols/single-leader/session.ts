/**
 * What a user's session remembers to cure replication-lag anomalies, and what it attaches to
 * requests. Kept per device, or per user and shared by the user's devices (`user@device`) when
 * the cures say so — the "centralised metadata" DDIA calls for across devices.
 */
import type { ClientResult } from '../../engine/protocol';
import type { ClientId, ClientOp } from '../../engine/types';
import type { Cures } from './config';

export interface UserSession {
  /**
   * Keys the user has written: what they "may have modified" (leader-for-own-keys). Kept only
   * under that cure, the one reader: cures are fixed for a run.
   */
  written: Record<string, true>;
  /** When the user last issued a write (leader-after-write). */
  lastWriteAt: number;
  /** Partition → log position of the user's newest acknowledged write there. */
  writePos: Record<string, number>;
  /** Partition → the newest log position the user depends on through what they read. */
  readDeps: Record<string, number>;
}

/** Facts a read carries to the replica (`ClientRequest.session`). */
export interface ReadSession {
  /** Serve only once the log reaches this position, else redirect to the leader. */
  minPos?: number;
  /** Serve only if known to hold everything the leader had this many ms ago. */
  maxStalenessMs?: number;
  /** Answer with the log positions the value read depends on. */
  causal?: true;
  /** Meant for the leader: a replica that does not lead redirects it (see `leaderRead`). */
  leader?: true;
}

/** Facts a write carries to the leader: the positions it causally depends on. */
export interface WriteSession {
  deps: Record<string, number>;
}

export function newSession(): UserSession {
  return { written: {}, lastWriteAt: Number.NEGATIVE_INFINITY, writePos: {}, readDeps: {} };
}

/** The user a client belongs to: the part of its id before `@` (`user-1@phone` → `user-1`). */
export function userOf(client: ClientId): string {
  const at = client.indexOf('@');
  return at < 0 ? client : client.slice(0, at);
}

/** Read-your-writes by routing: must this read go to the leader? */
export function readFromLeader(cures: Cures, session: UserSession, key: string, now: number) {
  if (cures.readYourWrites === 'leader-for-own-keys') return session.written[key] === true;
  if (cures.readYourWrites === 'leader-after-write')
    return now - session.lastWriteAt <= cures.leaderWindowMs;
  return false;
}

function raise(record: Record<string, number>, partition: string, pos: number): void {
  if (pos > (record[partition] ?? 0)) record[partition] = pos;
}

/** Everything the user causally depends on, per partition: their writes and what they read. */
function dependencies(session: UserSession): Record<string, number> {
  const deps = { ...session.readDeps };
  for (const [p, pos] of Object.entries(session.writePos)) raise(deps, p, pos);
  return deps;
}

/** What a request carries, or undefined when no cure needs anything (the common case). */
export function sessionFacts(
  cures: Cures,
  session: UserSession,
  op: ClientOp,
  partition: string,
): ReadSession | WriteSession | undefined {
  const causal = cures.consistentPrefix === 'causal-reads';
  if (op.f === 'write') return causal ? { deps: dependencies(session) } : undefined;
  const waits = cures.readYourWrites === 'wait-for-position';
  // Every read asks this: without a read cure, answer before allocating anything.
  if (!waits && !causal && cures.maxStalenessMs === null) return undefined;
  const facts: ReadSession = {};
  let minPos = 0;
  if (waits) minPos = session.writePos[partition] ?? 0;
  if (causal) {
    minPos = Math.max(minPos, dependencies(session)[partition] ?? 0);
    facts.causal = true;
  }
  if (minPos > 0) facts.minPos = minPos;
  if (cures.maxStalenessMs !== null) facts.maxStalenessMs = cures.maxStalenessMs;
  return Object.keys(facts).length > 0 ? facts : undefined;
}

/** Remember what an answer tells: where our write went, what a value read depends on. */
export function learnFromAnswer(
  session: UserSession,
  op: ClientOp,
  result: ClientResult,
  partition: string,
): void {
  if (result.type !== 'ok' || result.meta === undefined) return;
  const meta = result.meta;
  if (op.f === 'write') {
    raise(session.writePos, partition, Number(meta.pos ?? 0));
    return;
  }
  // A causal read answers with the position of the entry read and those it depends on.
  if (meta.entryPos === undefined) return; // no causal read: nothing more to learn (most reads)
  raise(session.readDeps, partition, Number(meta.entryPos));
  for (const [name, pos] of Object.entries(meta)) {
    if (name.startsWith('dep:')) raise(session.readDeps, name.slice(4), Number(pos));
  }
}
