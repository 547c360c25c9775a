/**
 * The coordinator node: the node a client sent its operation to. It stamps a write with its own
 * next version and stores it, then runs the quorum (`quorum.ts`): fans the write (or a read) out
 * to the key's n home replicas, counting itself if it is one, and answers the client after w
 * acknowledgements (r replies).
 */
import type { ClientRequest } from '../../engine/protocol';
import type { Value } from '../../engine/types';
import { fanOut, type QuorumHost, startQuorumOp } from './quorum';
import type { Ctx } from './state';
import { reportDiscards } from './storage';
import { applyWrite, EMPTY_OBJECT } from './versioned';
import { dotLabel, EMPTY_VV, type VersionVector } from './versionVector';

/** What a client attaches to a write: the version it last saw, and the value its app computed. */
export interface WriteSession {
  context?: VersionVector;
  value?: Value;
}

/** The node as the runner of its quorum operations (valid during one handler call). */
export function nodeHost(ctx: Ctx): QuorumHost {
  return {
    self: ctx.self,
    config: ctx.config,
    nodeIds: ctx.nodeIds,
    send: (to, kind, payload) => ctx.send(to, kind, payload),
    setTimer: (name, delayMs) => ctx.setTimer(name, delayMs),
    cancelTimer: (name) => ctx.cancelTimer(name),
    emit: (name, detail) => ctx.emit(name, detail),
    ops: ctx.state.ops,
    replica: ctx,
    respond: (op, result) => ctx.reply(op.request, result),
  };
}

function startOp(ctx: Ctx, kind: 'read' | 'write', request: ClientRequest) {
  return startQuorumOp(nodeHost(ctx), ctx.state.nextOpId++, kind, request);
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
  fanOut(nodeHost(ctx), op);
}

export function coordinateRead(ctx: Ctx, request: ClientRequest): void {
  fanOut(nodeHost(ctx), startOp(ctx, 'read', request));
}
