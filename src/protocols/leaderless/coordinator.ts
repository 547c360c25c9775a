/**
 * The coordinator: the node a client sent its operation to. It stamps a write with its own next
 * version and stores it, then fans the write (or a read) out to the key's n home replicas, and
 * answers the client after w acknowledgements (r replies). A replica that does not answer within
 * `replicaTimeoutMs` counts as unreachable — the coordinator never peeks at who is up — and with
 * a sloppy quorum the next node on the ring is asked instead, holding a hint for the missing one.
 * A write that cannot gather w acknowledgements is reported failed but is not rolled back.
 */
import type { ClientRequest } from '../../engine/protocol';
import type { Value } from '../../engine/types';
import type { Get, Put } from './messages';
import { readRepair } from './readRepair';
import { encodeSiblings } from './siblingValues';
import type { Ctx, QuorumOp } from './state';
import { hintId, placementOf } from './state';
import { reportDiscards } from './storage';
import { applyWrite, EMPTY_OBJECT, mergeObjects, type Versioned } from './versioned';
import { dotLabel, EMPTY_VV, type VersionVector } from './versionVector';

/** What a client attaches to a write: the version it last saw, and the value its app computed. */
export interface WriteSession {
  context?: VersionVector;
  value?: Value;
}

function timerName(op: QuorumOp): string {
  return `quorum:${op.id}`;
}

function startOp(ctx: Ctx, kind: QuorumOp['kind'], request: ClientRequest): QuorumOp {
  const node = ctx.state;
  const id = node.nextOpId++;
  const { spares } = placementOf(ctx, request.key);
  const op: QuorumOp = {
    id,
    kind,
    request,
    key: request.key,
    needed: kind === 'write' ? ctx.config.w : ctx.config.r,
    asked: [],
    spares,
    acks: [],
    replies: [],
    obj: null,
    dot: null,
    context: EMPTY_VV,
    answered: false,
  };
  node.ops[id] = op;
  return op;
}

/** Ask `target` (itself answering at once) to store the write or return its copy. */
function ask(ctx: Ctx, op: QuorumOp, target: string, hintFor: string | null): void {
  const self = target === ctx.self;
  op.asked.push({ node: target, hintFor, answered: self, timedOut: false });
  if (op.kind === 'write') {
    const obj = op.obj ?? EMPTY_OBJECT;
    if (self) {
      if (hintFor !== null) holdHint(ctx, hintFor, op.key);
      op.acks.push(target);
      return;
    }
    const put: Put = { op: op.id, key: op.key, obj, hintFor };
    ctx.send(target, 'put', put);
    return;
  }
  if (self) {
    op.replies.push({ node: target, obj: ctx.state.data[op.key] ?? null });
    return;
  }
  const get: Get = { op: op.id, key: op.key };
  ctx.send(target, 'get', get);
}

/** Keep a hint for `home`: this node holds the key's copy on its behalf. */
export function holdHint(ctx: Ctx, home: string, key: string): void {
  const id = hintId(home, key);
  if (ctx.state.hints[id] === undefined) {
    ctx.state.hints[id] = { home, key, storedAt: ctx.now };
    ctx.emit('hint-stored', { home, key });
  }
}

function fanOut(ctx: Ctx, op: QuorumOp): void {
  for (const home of placementOf(ctx, op.key).home) ask(ctx, op, home, null);
  if (op.asked.some((a) => !a.answered)) ctx.setTimer(timerName(op), ctx.config.replicaTimeoutMs);
  settle(ctx, op);
}

export function coordinateWrite(ctx: Ctx, request: ClientRequest): void {
  const session = (request.session ?? {}) as WriteSession;
  const context = session.context ?? EMPTY_VV;
  const value = session.value !== undefined ? session.value : request.value;
  const local = ctx.state.data[request.key] ?? EMPTY_OBJECT;
  const write = { value, ts: ctx.localTime(), opId: request.opId, client: request.client };
  const applied = applyWrite(local, context, write, ctx.state.actor, ctx.config.conflicts);
  reportDiscards(ctx, request.key, applied.discarded);
  ctx.state.data[request.key] = applied.obj;
  ctx.emit('write', {
    key: request.key,
    dot: dotLabel(applied.dot),
    opId: request.opId,
    context,
  });
  const op = startOp(ctx, 'write', request);
  op.obj = applied.obj;
  op.dot = applied.dot;
  op.context = context;
  fanOut(ctx, op);
}

export function coordinateRead(ctx: Ctx, request: ClientRequest): void {
  fanOut(ctx, startOp(ctx, 'read', request));
}

/** A replica answered a put or a get. */
export function onReplicaAnswer(ctx: Ctx, from: string, opId: number, obj?: Versioned | null) {
  const op = ctx.state.ops[opId];
  if (op === undefined) return;
  const asked = op.asked.find((a) => a.node === from && !a.answered);
  if (asked === undefined) return;
  asked.answered = true;
  if (op.kind === 'write') op.acks.push(from);
  else op.replies.push({ node: from, obj: obj ?? null });
  settle(ctx, op);
}

/** Replicas that have not answered in time are unreachable: try stand-ins, or give up on them. */
export function onQuorumTimer(ctx: Ctx, opId: number): void {
  const op = ctx.state.ops[opId];
  if (op === undefined) return;
  for (const a of [...op.asked]) {
    if (a.answered || a.timedOut) continue;
    a.timedOut = true;
    if (!ctx.config.sloppyQuorum) continue;
    const spare = op.spares.shift();
    if (spare !== undefined) ask(ctx, op, spare, a.hintFor ?? a.node);
  }
  if (op.asked.some((a) => !a.answered && !a.timedOut))
    ctx.setTimer(timerName(op), ctx.config.replicaTimeoutMs);
  settle(ctx, op);
}

function mergedReplies(ctx: Ctx, op: QuorumOp): Versioned {
  let merged = EMPTY_OBJECT;
  for (const r of op.replies) {
    if (r.obj !== null) merged = mergeObjects(merged, r.obj, ctx.config.conflicts).obj;
  }
  return merged;
}

function siblingsMeta(obj: Versioned): string {
  return JSON.stringify(obj.siblings.map((s) => s.value));
}

function answer(ctx: Ctx, op: QuorumOp, ok: boolean): void {
  op.answered = true;
  const count = op.kind === 'write' ? op.acks.length : op.replies.length;
  if (op.kind === 'write') {
    const obj = op.obj ?? EMPTY_OBJECT;
    const meta = {
      dot: op.dot === null ? '' : dotLabel(op.dot),
      version: JSON.stringify(obj.vv),
      context: JSON.stringify(op.context),
      siblings: siblingsMeta(obj),
      acks: count,
      ackedBy: op.acks.join(','),
      hinted: op.asked.filter((a) => a.hintFor !== null && a.answered).length,
    };
    if (ok) ctx.reply(op.request, { type: 'ok', meta });
    else {
      const error = `only ${count} of the ${op.needed} acknowledgements needed (w); the write stays on ${op.acks.join(', ') || 'no replica'}`;
      ctx.reply(op.request, { type: 'fail', error, meta });
    }
    return;
  }
  if (!ok) {
    const error = `only ${count} of the ${op.needed} replies needed (r)`;
    ctx.reply(op.request, { type: 'fail', error, meta: { replies: count } });
    return;
  }
  const merged = mergedReplies(ctx, op);
  ctx.reply(op.request, {
    type: 'ok',
    value: encodeRead(merged),
    meta: {
      version: JSON.stringify(merged.vv),
      siblings: siblingsMeta(merged),
      replies: count,
      repliedBy: op.replies.map((r) => r.node).join(','),
    },
  });
}

function encodeRead(obj: Versioned): Value {
  return encodeSiblings(obj.siblings.map((s) => s.value));
}

/** Answer the client once the quorum is met or cannot be; finish once nobody is left to hear from. */
function settle(ctx: Ctx, op: QuorumOp): void {
  const count = op.kind === 'write' ? op.acks.length : op.replies.length;
  if (!op.answered && count >= op.needed) answer(ctx, op, true);
  if (op.asked.some((a) => !a.answered && !a.timedOut)) return;
  if (!op.answered) answer(ctx, op, false);
  if (op.kind === 'read' && ctx.config.readRepair) readRepair(ctx, op, mergedReplies(ctx, op));
  delete ctx.state.ops[op.id];
  ctx.cancelTimer(timerName(op));
}
