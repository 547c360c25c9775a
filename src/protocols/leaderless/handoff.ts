/**
 * Hinted handoff: a stand-in that took a write for an unreachable home replica offers the copy to
 * that replica every `hintedHandoffIntervalMs`, and drops the hint once it is acknowledged. While
 * the partition lasts the offers are simply lost; the first one to get through hands the write
 * home. The stand-in keeps its own copy (it is not read from, since it is not a home replica).
 */
import type { Handoff, HandoffAck } from './messages';
import type { Ctx } from './state';
import { hintId } from './state';
import { storeCopy } from './storage';

export const HANDOFF_TIMER = 'handoff';

export function onHandoffTimer(ctx: Ctx): void {
  for (const hint of Object.values(ctx.state.hints)) {
    const obj = ctx.state.data[hint.key];
    if (obj === undefined) continue;
    const msg: Handoff = { key: hint.key, obj };
    ctx.send(hint.home, 'handoff', msg);
  }
  ctx.setTimer(HANDOFF_TIMER, ctx.config.hintedHandoffIntervalMs);
}

export function onHandoff(ctx: Ctx, from: string, msg: Handoff): void {
  storeCopy(ctx, msg.key, msg.obj);
  const ack: HandoffAck = { key: msg.key };
  ctx.send(from, 'handoff-ack', ack);
}

export function onHandoffAck(ctx: Ctx, from: string, msg: HandoffAck): void {
  const id = hintId(from, msg.key);
  if (ctx.state.hints[id] === undefined) return;
  delete ctx.state.hints[id];
  ctx.emit('hint-handed-off', { home: from, key: msg.key });
}
