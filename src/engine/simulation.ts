/**
 * The discrete-event core: a virtual clock, an event queue ordered by (time, sequence), seeded
 * streams, nodes, clients and a network. `(config, protocol, inputs)` fully determine a run:
 * stepping it twice from the same start gives the same trace, bit for bit.
 *
 * This file holds the loop; the parts live beside it: `messaging.ts` (the network),
 * `clients.ts`, `inputs.ts`, `context.ts` (what handlers see) and `trace.ts`.
 */
import { emptyArray } from './arrays';
import { clientTimer, isClientRequest } from './clientContext';
import { clientResponse, clientsBusy, clientTimeout } from './clients';
import { contextFor } from './context';
import { internEndpoint } from './endpoints';
import { heapPeek, heapPop } from './eventQueue';
import { emptyHistoryLog, truncateHistory } from './historyLog';
import { addNode, applyInput } from './inputs';
import { emptyMessageLog, truncateMessages } from './messageLog';
import { deliver } from './messaging';
import type { ClientRequest, Protocol } from './protocol';
import { deriveStream } from './rng';
import type {
  Checkpoint,
  NodeRuntime,
  SimConfig,
  SimCore,
  SimEvent,
  SimLogs,
  Simulation,
} from './state';
import { sortInputs } from './state';
import { trace } from './trace';
import { EMPTY_TRACE_HASH } from './traceHash';
import { emptyTraceLog, truncateTrace } from './traceLog';
import type { Input, SimTimeMs } from './types';

export { clientsBusy, queuedOps } from './clients';
export { stream } from './context';
export { clientRuntime, clientRuntimes, nodeRuntime, nodeRuntimes } from './endpoints';
export { linkState, linkStatus, messagesInFlight, sendMessage } from './messaging';
export type { SimConfig, Simulation } from './state';
export { record, trace, traceEvents, traceLength } from './trace';

/** Logs with nothing in them yet. */
export function emptyLogs(): SimLogs {
  return { trace: emptyTraceLog(), messages: emptyMessageLog(), history: emptyHistoryLog() };
}

/** Create a simulation at time 0, with every configured node started. */
export function createSimulation<PC, NS, CS>(
  config: SimConfig<PC>,
  protocol: Protocol<PC, NS, CS>,
  inputs: readonly Input[] = [],
): Simulation<PC, NS, CS> {
  const core: SimCore<NS, CS> = {
    now: 0,
    seq: 0,
    eventsProcessed: 0,
    inputCursor: 0,
    queue: emptyArray(),
    endpointIds: [],
    endpointIndex: new Map(),
    nodeIds: [...config.nodes],
    nodes: [],
    clients: [],
    links: [],
    rng: {},
    nextMessageId: 1,
    nextOpId: 1,
    traceCount: 0,
    traceHash: EMPTY_TRACE_HASH,
  };
  const sim: Simulation<PC, NS, CS> = {
    config,
    protocol,
    inputs: sortInputs(inputs),
    core,
    logs: emptyLogs(),
  };
  const nodes = config.nodes.map((id) => addNode(sim, id, false));
  for (const id of config.clients) {
    const ix = internEndpoint(sim, id);
    core.clients[ix] = {
      id,
      ix,
      rng: deriveStream(config.seed, `client:${id}`),
      // Earlier clients' states: a user's devices may share one session.
      state: protocol.initClient(
        id,
        config.protocol,
        core.nodeIds,
        core.clients.flatMap((c) => (c === null ? [] : [c.state])),
      ),
      current: null,
      queued: [],
      queuedHead: 0,
      timeoutAt: null,
    };
  }
  for (const node of nodes) protocol.onStart(contextFor(sim, node));
  return sim;
}

// ---------------------------------------------------------------------------------------------
// Running

/** Time of the next thing that will happen (input or event), or undefined when nothing will. */
export function nextEventTime(sim: Simulation<unknown, unknown, unknown>): SimTimeMs | undefined {
  const input = sim.inputs[sim.core.inputCursor];
  const top = heapPeek(sim.core.queue);
  if (input && (!top || input.at <= top.t)) return Math.max(input.at, sim.core.now);
  return top?.t;
}

/**
 * Process the next input or event if it is due at or before `limit`; returns whether it did.
 * Inputs at time t go before events at t, so replaying a recorded input is exact.
 */
function stepUntil<PC, NS, CS>(sim: Simulation<PC, NS, CS>, limit: SimTimeMs): boolean {
  const { core } = sim;
  const input = sim.inputs[core.inputCursor];
  const top = core.queue[0];
  if (input !== undefined && (top === undefined || input.at <= top.t)) {
    if (input.at > limit) return false;
    core.inputCursor++;
    if (input.at > core.now) core.now = input.at;
    core.eventsProcessed++;
    applyInput(sim, input);
    return true;
  }
  if (top === undefined || top.t > limit) return false;
  heapPop(core.queue);
  core.now = top.t;
  core.eventsProcessed++;
  dispatch(sim, top);
  return true;
}

/** Process the next input or event. Returns false when there is nothing left to do. */
export function step<PC, NS, CS>(sim: Simulation<PC, NS, CS>): boolean {
  return stepUntil(sim, Number.POSITIVE_INFINITY);
}

/**
 * Process everything scheduled at or before `t`, then set the clock to `t`. The same order as
 * calling `stepUntil` until it says no, but the next input is looked at once per input rather
 * than once per event: most runs have far more events than inputs, and handlers never add one.
 */
export function runUntil<PC, NS, CS>(sim: Simulation<PC, NS, CS>, t: SimTimeMs): void {
  const { core } = sim;
  const { queue } = core;
  for (;;) {
    const input = sim.inputs[core.inputCursor];
    const inputAt = input === undefined ? Number.POSITIVE_INFINITY : input.at;
    // Every event due before the next input (an input at time x goes before the events at x).
    let top = queue[0];
    while (top !== undefined && top.t < inputAt && top.t <= t) {
      heapPop(queue);
      core.now = top.t;
      core.eventsProcessed++;
      dispatch(sim, top);
      top = queue[0];
    }
    if (input === undefined || inputAt > t) break;
    core.inputCursor++;
    if (inputAt > core.now) core.now = inputAt;
    core.eventsProcessed++;
    applyInput(sim, input);
  }
  if (t > core.now) core.now = t;
}

/**
 * Add a user input. It must not be earlier than the current time; callers that want the live
 * state to equal a replay re-derive the state from a checkpoint before `input.at` (the store does).
 */
export function addInput<PC, NS, CS>(sim: Simulation<PC, NS, CS>, input: Input): void {
  if (input.at < sim.core.now) {
    throw new Error(`input at ${input.at} ms is in the past (now ${sim.core.now} ms)`);
  }
  let i = sim.inputs.length;
  while (i > sim.core.inputCursor && (sim.inputs[i - 1] as Input).at > input.at) i--;
  sim.inputs.splice(i, 0, input);
}

function dispatch<PC, NS, CS>(sim: Simulation<PC, NS, CS>, event: SimEvent): void {
  switch (event.type) {
    case 'deliver': {
      if (!deliver(sim, event)) return;
      const { nodes } = sim.core;
      const node = nodes[event.dst] as NodeRuntime<NS> | null;
      if (node === null) clientResponse(sim, event);
      // From an endpoint that is not a node: a client's request (or a coordinating client's
      // message, which the node handles like a peer's).
      else if (nodes[event.src] === null && isClientRequest(event)) {
        sim.protocol.onClientRequest(contextFor(sim, node), event.payload as ClientRequest);
      } else sim.protocol.onMessage(contextFor(sim, node), event);
      return;
    }
    case 'timer': {
      // A timer's fields are a message's (see `TimerEvent`): kind = name, id = generation.
      const node = sim.core.nodes[event.dst];
      if (!node?.up || node.bornAtSeq > event.seq) return;
      if (node.timerGen[event.kind] !== event.id) return;
      trace(sim, 'timer', node.id, undefined, event.kind);
      sim.protocol.onTimer(contextFor(sim, node), event.kind, event.payload);
      return;
    }
    case 'client-timeout':
      clientTimeout(sim, event.dst);
      return;
    case 'client-timer':
      clientTimer(sim, event.dst, event.kind, event.id, event.payload);
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Checkpoints

/** Capture the current state so that `restore` can return to it exactly. */
export function checkpoint<PC, NS, CS>(sim: Simulation<PC, NS, CS>): Checkpoint<NS, CS> {
  return {
    core: structuredClone(sim.core),
    traceLength: sim.logs.trace.count,
    messagesLength: sim.logs.messages.count,
    historyLength: sim.logs.history.count,
  };
}

/** Return to a checkpoint taken from this simulation (the checkpoint itself stays reusable). */
export function restore<PC, NS, CS>(sim: Simulation<PC, NS, CS>, cp: Checkpoint<NS, CS>): void {
  sim.core = structuredClone(cp.core);
  truncateTrace(sim.logs.trace, cp.traceLength);
  truncateMessages(sim.logs.messages, cp.messagesLength);
  truncateHistory(sim.logs.history, cp.historyLength);
}

/**
 * Run until every client is idle, then `settleMs` more with no client traffic: the system has
 * quiesced. Gives up at `limitMs` (returns false) if clients never go idle.
 */
export function runUntilQuiet<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  settleMs: number,
  limitMs: SimTimeMs,
): boolean {
  while (clientsBusy(sim)) {
    if (sim.core.now >= limitMs) return false;
    runUntil(sim, Math.min(limitMs, sim.core.now + 50));
  }
  runUntil(sim, sim.core.now + settleMs);
  return true;
}
