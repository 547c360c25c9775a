/**
 * The context a protocol handler receives: one reusable object per simulation, re-aimed at the
 * node being handled, through which it reads time and state and sends, sets timers, answers
 * clients and records events. Also the named random streams.
 */
import { heapPush } from './eventQueue';
import { sendMessage } from './messaging';
import type { ClientRequest, ClientResult, NodeContext } from './protocol';
import { deriveStream, nextFloat, type RngStream } from './rng';
import type { NodeRuntime, Simulation } from './state';
import { trace } from './trace';
import type { NodeId } from './types';

class Context<PC, NS, CS> implements NodeContext<PC, NS> {
  self: NodeId = '';
  /** The node being handled; set by `contextFor` before every handler call. */
  node!: NodeRuntime<NS>;
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
    return nextFloat(stream(this.sim, streamName('proto', this.self)));
  }
  send(to: NodeId, kind: string, payload: unknown) {
    return sendMessage(this.sim, this.self, to, kind, payload, this.node.incarnation);
  }
  setTimer(name: string, delayMs: number, data?: unknown) {
    const { core } = this.sim;
    const node = this.node;
    const gen = (node.timerGen[name] ?? 0) + 1;
    node.timerGen[name] = gen;
    heapPush(core.queue, {
      t: core.now + Math.max(0, Math.round(delayMs)),
      seq: core.seq++,
      type: 'timer',
      node: this.self,
      name,
      gen,
      incarnation: node.incarnation,
      data,
    });
  }
  cancelTimer(name: string) {
    const node = this.node;
    node.timerGen[name] = (node.timerGen[name] ?? 0) + 1;
  }
  reply(request: ClientRequest, result: ClientResult) {
    sendMessage(this.sim, this.self, request.client, 'response', {
      opId: request.opId,
      attempt: request.attempt,
      result,
    });
  }
  emit(name: string, detail?: unknown) {
    if (name === 'role') trace(this.sim, 'role', this.self, undefined, String(detail), detail);
    else trace(this.sim, 'protocol', this.self, undefined, name, detail);
  }
  isUp(id: NodeId) {
    return this.sim.core.nodes[id]?.up ?? false;
  }
}

const contexts = new WeakMap<object, Context<never, never, never>>();
/** The last simulation's context: almost every call is for the same one as the call before. */
let recent: { sim: object; ctx: Context<never, never, never> } | null = null;

export function contextFor<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  self: NodeId,
  node: NodeRuntime<NS> = sim.core.nodes[self] as NodeRuntime<NS>,
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
  ctx.self = self;
  ctx.node = node;
  return ctx;
}

const streamNames = new Map<string, Map<string, string>>();

/** `${family}:${id}`, built once: stream lookups then hit an interned key. */
export function streamName(family: string, id: string): string {
  let names = streamNames.get(family);
  if (names === undefined) {
    names = new Map();
    streamNames.set(family, names);
  }
  let name = names.get(id);
  if (name === undefined) {
    name = `${family}:${id}`;
    names.set(id, name);
  }
  return name;
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
