/**
 * What the space-time diagram reads from a session beyond the view: finished messages within a
 * time window (read from the columnar message log without building the whole list) and the
 * nodes' crashes and restarts so far. Both describe the simulation at its current time only:
 * nothing after `now` has a fate yet, so nothing from the future can leak into the picture.
 */
import { firstDecidedFrom, messageAt, sentAtOf } from '../engine/messageLog';
import { traceEntriesOf } from '../engine/traceLog';
import type { Session } from './session';
import type { MessageView } from './view';

/** A finished message as the diagram draws it: a message view without its payload. */
export type TimelineMessage = Omit<MessageView, 'payload'>;

/** A node going down or coming back, at a time. */
export interface LifecycleMark {
  node: string;
  t: number;
  type: 'crash' | 'restart';
}

/**
 * Finished messages whose flight overlaps `[fromMs, toMs]`: sent at or before `toMs`, their
 * fate decided at or after `fromMs`. Costs a binary search plus the messages decided after
 * `fromMs`, so following the playhead through a long run stays cheap.
 */
export function finishedMessagesBetween(
  session: Session,
  fromMs: number,
  toMs: number,
): TimelineMessage[] {
  const log = session.sim.logs.messages;
  const out: TimelineMessage[] = [];
  for (let i = firstDecidedFrom(log, fromMs); i < log.count; i++) {
    const sentAt = sentAtOf(log, i);
    if (sentAt > toMs) continue;
    const { id, kind, from, to, deliverAt, fate, dropReason } = messageAt(log, i);
    const m: TimelineMessage = { id, kind, from, to, sentAt, deliverAt, fate };
    if (dropReason !== undefined) m.dropReason = dropReason;
    out.push(m);
  }
  return out;
}

/** Every crash and restart so far, in time order (read from the trace). */
export function lifecycleMarks(session: Session): LifecycleMark[] {
  const { trace } = session.sim.logs;
  const marks = [...traceEntriesOf(trace, 'crash'), ...traceEntriesOf(trace, 'restart')];
  const out: LifecycleMark[] = [];
  for (const e of marks.sort((a, b) => a.id - b.id)) {
    if ((e.type === 'crash' || e.type === 'restart') && e.node !== undefined) {
      out.push({ node: e.node, t: e.t, type: e.type });
    }
  }
  return out;
}
