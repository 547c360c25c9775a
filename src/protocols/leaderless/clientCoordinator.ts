/**
 * The client as coordinator (`coordinator: "client"`), as Voldemort's client-side routing and
 * the Riak client library do it: the client itself sends a write (or a read) to the key's n home
 * replicas, with sloppy-quorum stand-ins when configured, counts w acknowledgements (r replies),
 * gives the user the answer, and does read repair itself from the late replies. One network hop
 * less than a coordinator node, and the client sees every replica's answer.
 *
 * With no copy of its own, the client stamps its writes with its own id as the actor (as Riak's
 * client-id vector clocks did): the next counter after the last it issued for the key. What the
 * replicas hold after the write comes back in their acknowledgements, so the answer carries the
 * same version and concurrent siblings a coordinator node's would.
 */
import type {
  ClientContext,
  ClientCoordination,
  ClientRequest,
  ClientResult,
} from '../../engine/protocol';
import type { ClientOp, Message } from '../../engine/types';
import { type LeaderlessClient, learn, sessionFor } from './client';
import type { LeaderlessConfig } from './config';
import type { GetReply, PutAck } from './messages';
import { fanOut, onQuorumTimer, onReplicaAnswer, type QuorumHost, startQuorumOp } from './quorum';
import type { QuorumOp } from './state';
import type { Versioned } from './versioned';
import { type Dot, dotLabel, merge, type VersionVector } from './versionVector';

type ClientCtx = ClientContext<LeaderlessConfig, LeaderlessClient>;

/** The client as the runner of its quorum operations (valid during one hook call). */
function clientHost(ctx: ClientCtx): QuorumHost {
  return {
    self: ctx.self,
    config: ctx.config,
    nodeIds: ctx.nodeIds,
    send: (to, kind, payload) => ctx.send(to, kind, payload),
    setTimer: (name, delayMs) => ctx.setTimer(name, delayMs),
    cancelTimer: (name) => ctx.cancelTimer(name),
    emit: (name, detail) => ctx.emit(name, detail),
    ops: ctx.state.ops,
    replica: null,
    respond: (op: QuorumOp, result: ClientResult) => {
      const client = ctx.state;
      learn(client, op.request, result, ctx.self);
      ctx.complete(op.id, result);
    },
  };
}

function requestOf(ctx: ClientCtx, opId: number, op: ClientOp): ClientRequest {
  return {
    client: ctx.self,
    opId,
    attempt: 0,
    f: op.f,
    key: op.key,
    value: op.value ?? null,
    session: sessionFor(ctx.state, op) as Record<string, unknown> | undefined,
  };
}

/**
 * The client's own write: its next dot, over the version it last saw for the key and every
 * write it issued to the key before. Those are in the write's causal past by session order even
 * when the read it last did came from a stale replica, and counting them keeps the vector
 * honest: an entry `user-2: 13` claims every dot of user-2 up to 13 was seen. Without them, a
 * copy would claim to have seen (and so drop) an earlier write of this client it never held.
 */
function stampWrite(
  ctx: ClientCtx,
  request: ClientRequest,
): { obj: Versioned; dot: Dot; context: VersionVector } {
  const client = ctx.state;
  const session = request.session ?? {};
  const read = (session.context ?? {}) as VersionVector;
  const issued = client.issued[request.key] ?? 0;
  const context = issued > (read[ctx.self] ?? 0) ? merge(read, { [ctx.self]: issued }) : read;
  const value =
    session.value !== undefined ? (session.value as ClientRequest['value']) : request.value;
  const counter = (context[ctx.self] ?? 0) + 1;
  client.issued[request.key] = counter;
  const dot: Dot = { node: ctx.self, counter };
  const sibling = { value, dot, ts: ctx.now, opId: request.opId, client: ctx.self };
  return {
    obj: { vv: merge(context, { [ctx.self]: counter }), siblings: [sibling] },
    dot,
    context,
  };
}

function start(ctx: ClientCtx, opId: number, op: ClientOp): void {
  const host = clientHost(ctx);
  const request = requestOf(ctx, opId, op);
  const quorumOp = startQuorumOp(host, opId, op.f, request);
  if (op.f === 'write') {
    const { obj, dot, context } = stampWrite(ctx, request);
    ctx.emit('write', { key: op.key, dot: dotLabel(dot), opId, context });
    quorumOp.obj = obj;
    quorumOp.dot = dot;
    quorumOp.context = context;
  }
  fanOut(host, quorumOp);
}

function onMessage(ctx: ClientCtx, msg: Message): void {
  if (msg.kind === 'put-ack') {
    const ack = msg.payload as PutAck;
    onReplicaAnswer(clientHost(ctx), msg.from, ack.op, ack.obj);
  } else if (msg.kind === 'get-reply') {
    const reply = msg.payload as GetReply;
    onReplicaAnswer(clientHost(ctx), msg.from, reply.op, reply.obj);
  }
}

export const clientCoordination: ClientCoordination<LeaderlessConfig, LeaderlessClient> = {
  coordinates: (client) => client.coordinator === 'client',
  onStart: start,
  onMessage,
  onTimer(ctx, name) {
    if (name.startsWith('quorum:')) onQuorumTimer(clientHost(ctx), Number(name.slice(7)));
  },
};
