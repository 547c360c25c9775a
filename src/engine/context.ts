/**
 * The context a protocol handler receives: one reusable object per simulation, re-aimed at the
 * node being handled, through which it reads time and state and sends, sets timers, answers
 * clients and records events. Also the named random streams.
 */
import { internEndpoint, nodeRuntime } from './endpoints';
import { heapPush } from './eventQueue';
import { KindCodes, kindCode } from './kinds';
import { endpointNear, sendCoded } from './messaging';
import type { ClientRequest, ClientResult, NodeContext } from './protocol';
import { deriveStream, nextFloat, type RngStream } from './rng';
import { type NodeRuntime, type Simulation, timerEvent } from './state';
import { trace, traceCoded } from './trace';
import { PROTOCOL } from './traceHash';
import { traceString } from './traceLog';
import type { NodeId } from './types';

/** The kind of a node's answer to a client, and its code. */
const RESPONSE = kindCode('response');

class Context<PC, NS, CS> implements NodeContext<PC, NS> {
  self: NodeId = '';
  /** The node being handled; set by `contextFor` before every handler call. */
  node!: NodeRuntime<NS>;
  /**
   * Trace-string codes (see `traceString`) of node names by endpoint index, with the name each
   * was computed for (a restore may give an index to another name), and of the last event name
   * emitted: a follower emits `apply` for every entry, and these spare two look-ups each time.
   */
  private readonly nodeCodes: number[] = holeyArray(-1);
  private readonly nodeCodeNames: NodeId[] = holeyArray('');
  private lastName = '';
  private lastNameCode = -1;
  /** The kinds this simulation's nodes send (see `KindCodes`). */
  private readonly kinds = new KindCodes();
  /**
   * The endpoint index `send` went to last, its guess for the next one (see `endpointNear`).
   * Replies keep none: they go to a different client nearly every time, and guessing for them
   * made the guesses of `send` and of the clients' requests miss.
   */
  private lastTo = 0;
  constructor(readonly sim: Simulation<PC, NS, CS>) {}
  get now() {
    return this.sim.core.now;
  }
  get state() {
    return this.node.state;
  }
  get config() {
    return this.sim.config.protocol;
  }
  get nodeIds() {
    return this.sim.core.nodeIds;
  }
  localTime() {
    return this.sim.core.now + this.node.clockSkewMs;
  }
  random() {
    return nextFloat(this.node.rng);
  }
  send(to: NodeId, kind: string, payload: unknown) {
    const node = this.node;
    const dst = endpointNear(this.sim, to, this.lastTo);
    this.lastTo = dst;
    const code = this.kinds.codeOf(kind);
    return sendCoded(this.sim, node.ix, dst, kind, code, payload);
  }
  setTimer(name: string, delayMs: number, data?: unknown) {
    const { core } = this.sim;
    const node = this.node;
    const gen = (node.timerGen[name] ?? 0) + 1;
    node.timerGen[name] = gen;
    const at = core.now + Math.max(0, Math.round(delayMs));
    heapPush(core.queue, timerEvent(core, 'timer', node, at, name, gen, data));
  }
  cancelTimer(name: string) {
    const node = this.node;
    node.timerGen[name] = (node.timerGen[name] ?? 0) + 1;
  }
  reply(request: ClientRequest, result: ClientResult) {
    const node = this.node;
    const payload = { opId: request.opId, attempt: request.attempt, result };
    const to = internEndpoint(this.sim, request.client);
    sendCoded(this.sim, node.ix, to, 'response', RESPONSE, payload);
  }
  emit(name: string, detail?: unknown) {
    if (name === 'role') {
      trace(this.sim, 'role', this.self, undefined, String(detail), detail);
      return;
    }
    if (name !== this.lastName) {
      this.lastName = name;
      this.lastNameCode = traceString(name);
    }
    traceCoded(this.sim, PROTOCOL, this.selfCode(), undefined, this.lastNameCode, detail);
  }
  private selfCode(): number {
    const { ix, id } = this.node;
    if (this.nodeCodeNames[ix] !== id) {
      this.nodeCodeNames[ix] = id;
      this.nodeCodes[ix] = traceString(id);
    }
    return this.nodeCodes[ix] as number;
  }
  isUp(id: NodeId) {
    return nodeRuntime(this.sim, id)?.up ?? false;
  }
}

/**
 * A fresh array already of the elements kind `selfCode` leaves it in (holey: a node's index may
 * lie past the end). Made empty (`[]`), a new simulation's context met code optimised for the
 * last one with an array map it had not seen: a deopt at the start of every run, and `emit`,
 * `onReplicate` and `runUntil` compiled again.
 */
function holeyArray<T>(fill: T): T[] {
  return new Array<T>(8).fill(fill);
}

const contexts = new WeakMap<object, Context<never, never, never>>();
/**
 * The last simulation's context: almost every call is for the same one as the call before.
 * It also keeps that simulation alive until another one runs a handler, on purpose: a new
 * simulation made while the old one's hidden classes still exist reuses them and the code
 * optimised for them. Released at once instead, a benchmark's full collection between two runs
 * took the classes and their type feedback with it, and the next run recompiled about 190
 * functions (+2,500 instructions per event over the large scenario; docs/engine.md).
 */
let recent: { sim: object; ctx: Context<never, never, never> } | null = null;

/** The simulation's context, aimed at `node` for one handler call. */
export function contextFor<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  node: NodeRuntime<NS>,
): NodeContext<PC, NS> {
  let ctx: Context<PC, NS, CS> | undefined;
  if (recent !== null && recent.sim === sim) ctx = recent.ctx as unknown as Context<PC, NS, CS>;
  else {
    ctx = contexts.get(sim) as Context<PC, NS, CS> | undefined;
    if (ctx === undefined) {
      ctx = new Context(sim);
      contexts.set(sim, ctx as unknown as Context<never, never, never>);
    }
    recent = { sim, ctx: ctx as unknown as Context<never, never, never> };
  }
  ctx.self = node.id;
  ctx.node = node;
  return ctx;
}

/** The named stream, created from the run seed on first use. */
export function stream<PC, NS, CS>(sim: Simulation<PC, NS, CS>, name: string): RngStream {
  let s = sim.core.rng[name];
  if (s === undefined) {
    s = deriveStream(sim.config.seed, name);
    sim.core.rng[name] = s;
  }
  return s;
}
