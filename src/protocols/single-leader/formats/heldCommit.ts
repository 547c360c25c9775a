/**
 * A statement write entering the leader's log: at once, or (a transaction that SLEEPs) after a
 * virtual-clock timer. A held transaction has already run, so its autoincrement ids are taken,
 * while transactions that ran after it may commit, and so reach the log, before it.
 */
import type { ClientRequest } from '../../../engine/protocol';
import { appendFormatted, type LogEntry, type Storage } from '../log';
import type { Ctx } from '../state';
import type { ExecutedStatement } from './leaderStatement';

/** What a commit timer carries: plain data, so it survives checkpoints. */
export interface HeldCommit {
  request: ClientRequest;
  statement: ExecutedStatement;
}

const COMMIT_TIMER = 'commit:';

export function isCommitTimer(name: string): boolean {
  return name.startsWith(COMMIT_TIMER);
}

export function holdCommit(ctx: Ctx, request: ClientRequest, statement: ExecutedStatement): void {
  const held: HeldCommit = { request, statement };
  ctx.emit('commit-held', `op ${request.opId} for ${statement.commitDelayMs} ms`);
  ctx.setTimer(`${COMMIT_TIMER}${request.opId}:${request.attempt}`, statement.commitDelayMs, held);
}

/** Append the leader's own statement entry: its data already holds the effect. */
export function appendStatement(
  storage: Storage,
  entry: LogEntry,
  statement: ExecutedStatement,
): void {
  entry.change = statement.change;
  appendFormatted(storage, entry, statement.patch, true);
}

/** What the client hears beside the position: the rows its statement inserted. */
export function statementMeta(statement: ExecutedStatement): Record<string, string> {
  return statement.insertedIds.length === 0 ? {} : { inserted: statement.insertedIds.join(',') };
}
