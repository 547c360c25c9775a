/**
 * A node's local store: merge an incoming copy into the one it holds, and report what
 * last-write-wins silently threw away while doing so (a `lww-discard` trace event per loser).
 */

import type { Ctx } from './state';
import {
  EMPTY_OBJECT,
  type LwwDiscard,
  mergeObjects,
  sameObject,
  type Versioned,
} from './versioned';
import { dotLabel } from './versionVector';

/** What the report needs about a discarded write and its winner. */
export interface DiscardDetail {
  key: string;
  loserOp: number;
  loserClient: string;
  loserValue: string | number | null;
  loserTs: number;
  loserDot: string;
  winnerOp: number;
  winnerTs: number;
  winnerDot: string;
}

export function reportDiscards(ctx: Ctx, key: string, discarded: readonly LwwDiscard[]): void {
  for (const { loser, winner } of discarded) {
    const detail: DiscardDetail = {
      key,
      loserOp: loser.opId,
      loserClient: loser.client,
      loserValue: loser.value,
      loserTs: loser.ts,
      loserDot: dotLabel(loser.dot),
      winnerOp: winner.opId,
      winnerTs: winner.ts,
      winnerDot: dotLabel(winner.dot),
    };
    ctx.emit('lww-discard', detail);
  }
}

/** Merge `incoming` into the local copy of `key`; returns whether the local copy changed. */
export function storeCopy(ctx: Ctx, key: string, incoming: Versioned): boolean {
  const local = ctx.state.data[key] ?? EMPTY_OBJECT;
  const { obj, discarded } = mergeObjects(local, incoming, ctx.config.conflicts);
  reportDiscards(ctx, key, discarded);
  if (sameObject(local, obj) && ctx.state.data[key] !== undefined) return false;
  ctx.state.data[key] = obj;
  return true;
}
