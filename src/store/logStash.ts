/**
 * The log entries a step back in time cuts off, kept so that a later jump forward can restore a
 * checkpoint ahead of the current point instead of replaying everything up to it.
 *
 * A checkpoint holds the simulation core and only the *lengths* of the append-only logs (trace,
 * history, finished messages); restoring one truncates the logs. Restoring one further ahead
 * needs the entries in between, which replay would recreate identically (the run is
 * deterministic), so they can be put back from here instead. The stash holds, for each log, the
 * entries from index `from` up to the furthest point computed; the live log always holds every
 * entry before `from`, so the two together are the whole run so far.
 */
import { historyAt, pushHistoryOp } from '../engine/historyLog';
import { type MessageRecord, messageAt, pushMessage } from '../engine/messageLog';
import type { Checkpoint, SimLogs } from '../engine/state';
import { pushTraceEvent, traceEntryAt } from '../engine/traceLog';
import type { HistoryOp, TraceEvent } from '../engine/types';

export interface LogStash {
  traceFrom: number;
  trace: TraceEvent[];
  historyFrom: number;
  history: HistoryOp[];
  messagesFrom: number;
  messages: MessageRecord[];
}

type Lengths = Pick<
  Checkpoint<unknown, unknown>,
  'traceLength' | 'historyLength' | 'messagesLength'
>;

/**
 * One log's stash after cutting the live log back to `cut` entries: the entries `[cut, from)`,
 * then what was stashed, then any live entries past the stash's end (computed since).
 */
function merge<T>(
  stashed: T[],
  from: number,
  cut: number,
  liveLength: number,
  read: (i: number) => T,
): { from: number; items: T[] } {
  const end = from + stashed.length;
  const before: T[] = [];
  for (let i = cut; i < from; i++) before.push(read(i));
  const after: T[] = [];
  for (let i = Math.max(end, cut); i < liveLength; i++) after.push(read(i));
  // Usually nothing new to keep (stepping back within what is stashed): no copy.
  const items = before.length + after.length === 0 ? stashed : before.concat(stashed, after);
  return { from: Math.min(from, cut), items };
}

/**
 * Before restoring a checkpoint behind the current point: stash what the restore will cut off.
 * Returns the stash to keep.
 */
export function stashCut(stash: LogStash | null, logs: SimLogs, cut: Lengths): LogStash {
  const trace = merge(
    stash?.trace ?? [],
    stash?.traceFrom ?? logs.trace.count,
    cut.traceLength,
    logs.trace.count,
    (i) => traceEntryAt(logs.trace, i),
  );
  const history = merge(
    stash?.history ?? [],
    stash?.historyFrom ?? logs.history.count,
    cut.historyLength,
    logs.history.count,
    (i) => historyAt(logs.history, i) as HistoryOp,
  );
  const messages = merge(
    stash?.messages ?? [],
    stash?.messagesFrom ?? logs.messages.count,
    cut.messagesLength,
    logs.messages.count,
    (i) => messageAt(logs.messages, i),
  );
  return {
    traceFrom: trace.from,
    trace: trace.items,
    historyFrom: history.from,
    history: history.items,
    messagesFrom: messages.from,
    messages: messages.items,
  };
}

/** Has the live run caught up with everything stashed (so the stash can go)? */
export function stashPassed(stash: LogStash, logs: SimLogs): boolean {
  return (
    logs.trace.count >= stash.traceFrom + stash.trace.length &&
    logs.history.count >= stash.historyFrom + stash.history.length &&
    logs.messages.count >= stash.messagesFrom + stash.messages.length
  );
}

/** Does the stash hold every entry the logs lack to reach these lengths? */
export function stashReaches(stash: LogStash | null, logs: SimLogs, target: Lengths): boolean {
  if (stash === null) return false;
  const reaches = (from: number, count: number, have: number, want: number) =>
    have >= from && want <= from + count && want >= have;
  return (
    reaches(stash.traceFrom, stash.trace.length, logs.trace.count, target.traceLength) &&
    reaches(stash.historyFrom, stash.history.length, logs.history.count, target.historyLength) &&
    reaches(stash.messagesFrom, stash.messages.length, logs.messages.count, target.messagesLength)
  );
}

/** Bring the logs up to these lengths from the stash (check `stashReaches` first). */
export function refillLogs(stash: LogStash, logs: SimLogs, target: Lengths): void {
  for (let i = logs.trace.count; i < target.traceLength; i++) {
    pushTraceEvent(logs.trace, stash.trace[i - stash.traceFrom] as TraceEvent);
  }
  for (let i = logs.history.count; i < target.historyLength; i++) {
    pushHistoryOp(logs.history, stash.history[i - stash.historyFrom] as HistoryOp);
  }
  for (let i = logs.messages.count; i < target.messagesLength; i++) {
    pushMessage(logs.messages, stash.messages[i - stash.messagesFrom] as MessageRecord);
  }
}
