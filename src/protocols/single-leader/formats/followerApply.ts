/**
 * The follower's side of a statement write: apply a log entry as the cluster's format says.
 * A statement is executed again here (this node's clock and stream, unless the leader shipped
 * fixed values, and this node's own triggers); WAL records are decoded only by the same
 * storage-engine version; row images are applied as they are.
 */
import { executeTransaction, parseStatement } from '../../shared/statements';
import { append, appendFormatted, type LogEntry } from '../log';
import type { Ctx } from '../state';
import { fixedEnv, formatSettings, formatState, localEnv } from './nodeFormat';
import { type DataPatch, patchOf } from './patch';
import { type FormatChange, triggersOn } from './settings';
import { decodeWal } from './wal';

function statementPatch(
  ctx: Ctx,
  change: Extract<FormatChange, { format: 'statement' }>,
  pos: number,
): DataPatch {
  const parsed = parseStatement(change.sql);
  const env = change.fixed === undefined ? localEnv(ctx) : fixedEnv(change.fixed);
  const triggers = triggersOn(formatSettings(ctx.config), ctx.self);
  const result = parsed.ok
    ? executeTransaction(ctx.state.storage.data, parsed.transaction, env, triggers)
    : { ok: false as const, error: parsed.message };
  if (result.ok) return patchOf(result.changes);
  // As a replica told to skip errors would: the position moves on, the data does not change.
  ctx.emit('statement-failed', `${pos}: ${result.error}`);
  return [];
}

/** The entry's effect on this node's data, or null if this node cannot apply it. */
function replicatedPatch(ctx: Ctx, change: FormatChange, pos: number): DataPatch | null {
  switch (change.format) {
    case 'statement':
      return statementPatch(ctx, change, pos);
    case 'wal': {
      const state = formatState(ctx.state, ctx.config);
      if (change.engine === state.engineVersion) {
        state.blocked = null;
        return decodeWal(change.engine, change.records);
      }
      if (state.blocked?.pos !== pos) {
        const reason = `WAL records written by ${change.engine}, this engine is ${state.engineVersion}`;
        state.blocked = { pos, reason };
        ctx.emit('wal-incompatible', `${pos}: ${reason}`);
      }
      return null;
    }
    case 'logical':
    case 'trigger':
      return patchOf(change.changes);
  }
}

/**
 * Append a replicated entry, applying it as its format says; false if this node cannot apply
 * it (WAL records of another storage-engine version), and then replication stops here.
 */
export function appendReplicated(ctx: Ctx, entry: LogEntry): boolean {
  const { storage } = ctx.state;
  if (entry.change === undefined) {
    append(storage, entry);
    return true;
  }
  const patch = replicatedPatch(ctx, entry.change, entry.pos);
  if (patch === null) return false;
  appendFormatted(storage, entry, patch);
  return true;
}
