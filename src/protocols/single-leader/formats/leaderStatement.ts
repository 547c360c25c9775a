/**
 * The leader's side of a statement write: parse it, execute it against the leader's tables
 * (its clock for NOW(), its stream for RAND(), or the substituted values), and describe it in
 * the cluster's log format. A transaction that SLEEPs commits later, which is how two
 * concurrent transactions come to commit in another order than they executed.
 */
import type { ClientRequest } from '../../../engine/protocol';
import {
  type Data,
  executeTransaction,
  parseStatement,
  STATEMENT_KEY,
} from '../../shared/statements';
import type { Ctx, LeaderVolatile } from '../state';
import { type ExecutedWrite, encodeChange } from './encode';
import { drawFixedValues, fixedEnv, formatSettings, formatState, localEnv } from './nodeFormat';
import { applyPatch, type DataPatch, patchOf } from './patch';
import { type FormatChange, triggersOn } from './settings';

/** An executed statement write, waiting to enter the log. Plain data (it may ride in a timer). */
export interface ExecutedStatement {
  change: FormatChange;
  patch: DataPatch;
  commitDelayMs: number;
  /** `table/id` of every row the transaction inserted, for the client's answer. */
  insertedIds: string[];
}

export function isStatementWrite(request: ClientRequest): boolean {
  return request.f === 'write' && request.key === STATEMENT_KEY;
}

/** The leader's data as a new transaction sees it: with the open transactions' effects. */
function withUncommitted(data: Data, leader: LeaderVolatile): Data {
  const open = leader.uncommitted;
  if (open === undefined || open.length === 0) return data;
  const view = { ...data };
  for (const u of open) applyPatch(view, u.patch);
  return view;
}

/** Execute a statement write on the leader; its effect reaches the data when it commits. */
export function executeOnLeader(
  ctx: Ctx,
  leader: LeaderVolatile,
  request: ClientRequest,
): { ok: true; statement: ExecutedStatement } | { ok: false; error: string } {
  const sql = String(request.value ?? '');
  const parsed = parseStatement(sql);
  if (!parsed.ok) return { ok: false, error: `statement: ${parsed.message}` };
  const settings = formatSettings(ctx.config);
  const substitute = settings.format === 'statement' && settings.substituteNondeterministic;
  const fixed = substitute ? drawFixedValues(ctx) : undefined;
  const env = fixed === undefined ? localEnv(ctx) : fixedEnv(fixed);
  const result = executeTransaction(
    withUncommitted(ctx.state.storage.data, leader),
    parsed.transaction,
    env,
    triggersOn(settings, ctx.self),
  );
  if (!result.ok) return { ok: false, error: `statement: ${result.error}` };
  const patch = patchOf(result.changes);
  const engine = formatState(ctx.state, ctx.config).engineVersion;
  const write: ExecutedWrite = { sql, changes: result.changes, tx: request.opId, engine };
  if (fixed !== undefined) write.fixed = fixed;
  return {
    ok: true,
    statement: {
      change: encodeChange(settings.format, settings, write),
      patch,
      commitDelayMs: result.commitDelayMs,
      insertedIds: result.insertedIds,
    },
  };
}
