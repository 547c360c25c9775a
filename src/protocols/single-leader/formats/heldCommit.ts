/**
 * A statement write entering the leader's log: at once, or (a transaction that SLEEPs) after a
 * virtual-clock timer. A held transaction has already run, so its autoincrement ids are taken,
 * while transactions that ran after it may commit, and so reach the log, before it.
 */
import type { ClientRequest } from '../../../engine/protocol';
import { appendFormatted, type LogEntry, type Storage } from '../log';
import type { Ctx, LeaderVolatile } from '../state';
import type { ExecutedStatement } from './leaderStatement';

/** What a commit timer carries: plain data, so it survives checkpoints. */
export interface HeldCommit {
  id: string;
  request: ClientRequest;
  statement: ExecutedStatement;
}

const COMMIT_TIMER = 'commit:';

export function isCommitTimer(name: string): boolean {
  return name.startsWith(COMMIT_TIMER);
}

/** Keep a transaction open until its SLEEP is over; later transactions see its effects. */
export function holdCommit(
  ctx: Ctx,
  leader: LeaderVolatile,
  request: ClientRequest,
  statement: ExecutedStatement,
): void {
  const id = `${COMMIT_TIMER}${request.opId}:${request.attempt}`;
  if (leader.uncommitted === undefined) leader.uncommitted = [];
  leader.uncommitted.push({ id, patch: statement.patch });
  const held: HeldCommit = { id, request, statement };
  ctx.emit('commit-held', `op ${request.opId} for ${statement.commitDelayMs} ms`);
  ctx.setTimer(id, statement.commitDelayMs, held);
}

/**
 * The held transaction, now due, if this leader still has it open: a leader that lost its
 * leadership (or restarted) in between lost the transaction with it.
 */
export function takeHeld(leader: LeaderVolatile, held: HeldCommit): boolean {
  const open = leader.uncommitted ?? [];
  const i = open.findIndex((u) => u.id === held.id);
  if (i < 0) return false;
  open.splice(i, 1);
  return true;
}

/** Append the leader's own statement entry, applying its effect to the data (the commit). */
export function appendStatement(
  storage: Storage,
  entry: LogEntry,
  statement: ExecutedStatement,
): void {
  entry.change = statement.change;
  appendFormatted(storage, entry, statement.patch);
}

/** What the client hears beside the position: the rows its statement inserted. */
export function statementMeta(statement: ExecutedStatement): Record<string, string> {
  return statement.insertedIds.length === 0 ? {} : { inserted: statement.insertedIds.join(',') };
}
