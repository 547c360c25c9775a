/**
 * Leaderless (Dynamo-style) replication as an engine protocol: any node coordinates a client's
 * operation, fanning it out to the key's n home replicas on a consistent-hashing ring and waiting
 * for w acknowledgements or r replies; versions are dotted version vectors with siblings (or
 * last-write-wins); stale replicas are healed by read repair, anti-entropy (Merkle trees) and,
 * after a sloppy quorum, hinted handoff.
 */
import type { Protocol } from '../../engine/protocol';
import type { Message } from '../../engine/types';
import {
  ANTI_ENTROPY_TIMER,
  onAeDiff,
  onAePush,
  onAeTree,
  onAntiEntropyTimer,
} from './antiEntropy';
import {
  afterTimeout,
  initClient,
  type LeaderlessClient,
  learn,
  routeOp,
  sessionFor,
} from './client';
import { clientCoordination } from './clientCoordinator';
import type { LeaderlessConfig } from './config';
import { coordinateRead, coordinateWrite, nodeHost } from './coordinator';
import { HANDOFF_TIMER, onHandoff, onHandoffAck, onHandoffTimer } from './handoff';
import type {
  AeDiff,
  AePush,
  AeTree,
  Get,
  GetReply,
  Handoff,
  HandoffAck,
  Put,
  PutAck,
  ReadRepair,
  RestoreData,
} from './messages';
import { holdHint, onQuorumTimer, onReplicaAnswer } from './quorum';
import type { Ctx, LeaderlessNode } from './state';
import { storeCopy } from './storage';
import { EMPTY_OBJECT } from './versioned';

export type { LeaderlessClient } from './client';
export type { LeaderlessConfig } from './config';
export type { LeaderlessNode } from './state';

function startTimers(ctx: Ctx): void {
  ctx.setTimer(HANDOFF_TIMER, ctx.config.hintedHandoffIntervalMs);
  const every = ctx.config.antiEntropyIntervalMs;
  if (every > 0) {
    // Stagger the nodes so their rounds do not all start in the same millisecond.
    const index = Math.max(0, ctx.nodeIds.indexOf(ctx.self));
    ctx.setTimer(ANTI_ENTROPY_TIMER, every + Math.round((every * index) / ctx.nodeIds.length));
  }
}

/** Replace this node's data with a copy of another's, as restoring from a backup would. */
function restoreFrom(ctx: Ctx, from: string, msg: RestoreData): void {
  const node = ctx.state;
  // Copies are never mutated in place (merges build new ones), so sharing them is safe.
  node.data = { ...msg.data };
  node.restores++;
  node.actor = `${node.id}~${node.restores}`;
  ctx.emit('restored', { from, actor: node.actor });
}

function onReplicaMessage(ctx: Ctx, msg: Message): void {
  switch (msg.kind) {
    case 'put': {
      const put = msg.payload as Put;
      storeCopy(ctx, put.key, put.obj);
      if (put.hintFor !== null) holdHint(ctx, put.hintFor, put.key);
      const ack: PutAck = put.wantCopy
        ? { op: put.op, obj: ctx.state.data[put.key] ?? EMPTY_OBJECT }
        : { op: put.op };
      ctx.send(msg.from, 'put-ack', ack);
      return;
    }
    case 'get': {
      const get = msg.payload as Get;
      const reply: GetReply = { op: get.op, obj: ctx.state.data[get.key] ?? null };
      ctx.send(msg.from, 'get-reply', reply);
      return;
    }
    case 'put-ack':
      onReplicaAnswer(nodeHost(ctx), msg.from, (msg.payload as PutAck).op);
      return;
    case 'get-reply': {
      const reply = msg.payload as GetReply;
      onReplicaAnswer(nodeHost(ctx), msg.from, reply.op, reply.obj);
      return;
    }
    case 'read-repair': {
      const repair = msg.payload as ReadRepair;
      storeCopy(ctx, repair.key, repair.obj);
      return;
    }
    case 'handoff':
      onHandoff(ctx, msg.from, msg.payload as Handoff);
      return;
    case 'handoff-ack':
      onHandoffAck(ctx, msg.from, msg.payload as HandoffAck);
      return;
    case 'ae-tree':
      onAeTree(ctx, msg.from, msg.payload as AeTree);
      return;
    case 'ae-diff':
      onAeDiff(ctx, msg.from, msg.payload as AeDiff);
      return;
    case 'ae-push':
      onAePush(ctx, msg.from, msg.payload as AePush);
      return;
    case 'restore-request': {
      const reply: RestoreData = { data: ctx.state.data };
      ctx.send(msg.from, 'restore-data', reply);
      return;
    }
    case 'restore-data':
      restoreFrom(ctx, msg.from, msg.payload as RestoreData);
      return;
  }
}

export const leaderless: Protocol<LeaderlessConfig, LeaderlessNode, LeaderlessClient> = {
  name: 'leaderless',

  initNode: (id) => ({
    id,
    actor: id,
    restores: 0,
    data: {},
    hints: {},
    ops: {},
    nextOpId: 1,
    aeCursor: 0,
  }),
  initClient: (id, config) => initClient(id, config),

  onStart: startTimers,
  onMessage: onReplicaMessage,

  onTimer(ctx, name) {
    if (name === HANDOFF_TIMER) onHandoffTimer(ctx);
    else if (name === ANTI_ENTROPY_TIMER) onAntiEntropyTimer(ctx);
    else if (name.startsWith('quorum:'))
      onQuorumTimer(nodeHost(ctx), Number(name.slice('quorum:'.length)));
  },

  onClientRequest(ctx, request) {
    if (request.f === 'write') coordinateWrite(ctx, request);
    else coordinateRead(ctx, request);
  },

  // The disk survives: stored copies and hints. Operations being coordinated are gone (their
  // clients time out), and so is the anti-entropy cursor.
  onCrash: (state) => ({ ...state, ops: {}, aeCursor: 0 }),
  onRestart: startTimers,

  // An operator restores this node's data from another replica (scenario step `restore`).
  onCommand(ctx, command, args) {
    if (command === 'restore') ctx.send(String(args.from), 'restore-request', {});
  },

  routeClientOp: routeOp,
  onClientResult: (client, op, result, from) => learn(client, op, result, from),
  onClientTimeout: afterTimeout,
  sessionFor: (client, op) => sessionFor(client, op) as Record<string, unknown> | undefined,
  clientCoordination,
};
