/**
 * Recording the trace. Every entry gets the next id and is folded into the trace hash; most
 * entries (message sends and fates, client operations) are stored on their message or history
 * entry, the rest as `TraceEvent` objects, and `traceEvents` rebuilds the whole trace.
 */
import { finishedMessages, type MessageRecord } from './messageLog';
import { messagesInFlight } from './messaging';
import type { Simulation } from './state';
import { foldTraceEvent } from './traceHash';
import type { EndpointId, TraceEvent } from './types';

/**
 * Append an entry to the trace and fold it into the trace hash. Positional, and every entry
 * built with the same fields in the same order, because this runs for many events.
 */
export function trace<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  type: TraceEvent['type'],
  node?: EndpointId,
  msg?: number,
  name?: string,
  detail?: unknown,
): void {
  const event: TraceEvent = {
    id: sim.core.traceCount++,
    t: sim.core.now,
    type,
    node,
    msg,
    name,
    detail,
  };
  sim.logs.trace.push(event);
  sim.core.traceHash = foldTraceEvent(sim.core.traceHash, event);
}

/** `trace` with named fields, for the rarer entries. */
export function record<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  entry: Omit<TraceEvent, 'id' | 't'>,
): void {
  trace(sim, entry.type, entry.node, entry.msg, entry.name, entry.detail);
}

/** Number of trace entries so far. */
export function traceLength<PC, NS, CS>(sim: Simulation<PC, NS, CS>): number {
  return sim.core.traceCount;
}

/** The whole trace, in id order: stored entries merged with the messages' sends and fates. */
export function traceEvents<PC, NS, CS>(sim: Simulation<PC, NS, CS>): TraceEvent[] {
  const all: TraceEvent[] = [...sim.logs.trace];
  const addMessage = (m: MessageRecord) => {
    all.push({
      id: m.sendTraceId,
      t: m.sentAt,
      type: 'send',
      node: m.from,
      msg: m.id,
      name: m.kind,
    });
    if (m.fateTraceId < 0) return;
    const delivered = m.fate === 'delivered';
    all.push({
      id: m.fateTraceId,
      t: m.deliverAt,
      type: delivered ? 'deliver' : 'drop',
      node: m.to,
      msg: m.id,
      name: delivered ? m.kind : m.dropReason,
    });
  };
  for (const h of sim.logs.history) {
    all.push({
      id: h.traceId,
      t: h.time,
      type: 'client',
      node: h.process,
      msg: h.index,
      name: h.type,
      detail: h.value ?? undefined,
    });
  }
  for (const m of finishedMessages(sim.logs.messages)) addMessage(m);
  for (const m of messagesInFlight(sim)) addMessage(m);
  return all.sort((a, b) => a.id - b.id);
}
