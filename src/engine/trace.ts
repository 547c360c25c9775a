/**
 * Recording the trace. Every entry gets the next id and is folded into the trace hash; most
 * entries (message sends and fates, client operations) are stored on their message or history
 * entry, the rest in the columns of `traceLog.ts`, and `traceEvents` rebuilds the whole trace.
 */
import { historyOps } from './historyLog';
import { finishedMessages, type MessageRecord } from './messageLog';
import { messagesInFlight } from './messaging';
import type { Simulation } from './state';
import { foldEntry, foldTrace, TYPE_CODES } from './traceHash';
import { pushTrace, pushTraceEvent, storedTrace, traceString, traceStringHash } from './traceLog';
import type { EndpointId, TraceEvent } from './types';

/**
 * Append an entry to the trace and fold it into the trace hash. Positional, because this runs
 * for many events (a follower's `apply` for every entry it takes).
 */
export function trace<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  type: TraceEvent['type'],
  node?: EndpointId,
  msg?: number,
  name?: string,
  detail?: unknown,
): void {
  if (type === 'send' || type === 'deliver' || type === 'drop') {
    // Only ever recorded this way by hand (tests): fold it the way its message would be.
    const { core } = sim;
    const id = core.traceCount++;
    core.traceHash = foldTrace(core.traceHash, core.now, type, node, msg, name, detail);
    pushTraceEvent(sim.logs.trace, { id, t: core.now, type, node, msg, name, detail });
    return;
  }
  const nodeCode = node === undefined ? -1 : traceString(node);
  const nameCode = name === undefined ? -1 : traceString(name);
  traceCoded(sim, TYPE_CODES[type], nodeCode, msg, nameCode, detail);
}

/**
 * `trace` for an entry that is not a message's, with its type as its code (`TYPE_CODES`) and
 * its node and name already interned (`traceString`; -1 for none): a protocol's frequent events
 * skip the look-ups.
 */
export function traceCoded<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  typeCode: number,
  nodeCode: number,
  msg: number | undefined,
  nameCode: number,
  detail: unknown,
): void {
  const { core } = sim;
  const id = core.traceCount++;
  core.traceHash = foldEntry(
    core.traceHash,
    core.now,
    typeCode,
    nodeCode < 0 ? undefined : traceStringHash(nodeCode),
    msg,
    nameCode < 0 ? undefined : traceStringHash(nameCode),
    detail,
  );
  pushTrace(sim.logs.trace, id, core.now, typeCode, nodeCode, msg, nameCode, detail);
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
  const all: TraceEvent[] = storedTrace(sim.logs.trace);
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
  for (const h of historyOps(sim.logs.history)) {
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
