/**
 * A replica's message and request handling: route each message to the leader or follower logic
 * by role, adopt newer epochs, and feed lifecycle news to the replica chart.
 */
import type { ClientRequest } from '../../engine/protocol';
import type { Message } from '../../engine/types';
import {
  countBootstrapMessage,
  noteBootstrapStep,
  noteFirstRead,
  notReadyReason,
  onReplayBatch,
  startBootstrap,
} from './bootstrap';
import {
  fromUpstream,
  learnUpstream,
  onUpstreamWatch,
  type Relay,
  type RelayHeartbeat,
  relayEntries,
  relayHeartbeat,
} from './cascade';
import { feedReplica, type ReplicaActions } from './chart';
import {
  type FollowerNews,
  onCatchUp,
  onHeartbeat,
  onReplicate,
  onSnapshot,
  sendFetch,
} from './follower';
import { leaderTick, leaderWrite, newLeaderState, onAck, onFetch, sendSnapshot } from './leader';
import { lastEntryFor, lastEpoch, lastPos, type Storage } from './log';
import type {
  Ack,
  CatchUp,
  Fetch,
  Heartbeat,
  LeaderInfo,
  Ping,
  Pong,
  Position,
  Promote,
  Replicate,
  SnapshotMsg,
} from './messages';
import { acceptPeerCatchUp, noteVerified, servePeerFetch } from './peerCatchUp';
import type { ReadSession } from './session';
import type { Ctx } from './state';
import {
  onPromotionEntries,
  onPromotionFetch,
  type PromotionEntries,
  type PromotionFetch,
  raiseBarrier,
} from './writeBarrier';

/** What the replica chart's actions do. */
export const replicaActions: ReplicaActions = {
  startRecovery(ctx) {
    if (ctx.state.role === 'leader') {
      // Back as leader: volatile bookkeeping is gone, and with fencing the lease must be renewed.
      ctx.state.leader = newLeaderState(ctx, -Infinity);
      raiseBarrier(ctx, ctx.state.leader, false);
      ctx.setTimer('heartbeat', 0);
      feedReplica(ctx, { type: 'CAUGHT_UP' }, replicaActions);
    } else {
      sendFetch(ctx, true);
    }
  },
  requestSnapshot: startBootstrap,
  startCatchUp: (ctx) => sendFetch(ctx, true),
  becomeLeader(ctx) {
    ctx.state.leaderId = ctx.self;
    ctx.state.leader = newLeaderState(ctx, -Infinity);
    ctx.setTimer('heartbeat', 0);
  },
  becomeFollower(ctx) {
    // Pending client writes are left unanswered: they may or may not survive on the new leader.
    ctx.state.leader = null;
    ctx.cancelTimer('heartbeat');
    sendFetch(ctx, true);
  },
};

function news(ctx: Ctx, what: FollowerNews | 'bootstrapped'): void {
  if (what === 'caught-up') {
    noteBootstrapStep(ctx, 'caught-up');
    feedReplica(ctx, { type: 'CAUGHT_UP' }, replicaActions);
  } else if (what === 'snapshot-installed' || what === 'bootstrapped') {
    noteBootstrapStep(ctx, 'ready');
    feedReplica(ctx, { type: 'SNAPSHOT_INSTALLED' }, replicaActions);
  }
}

/**
 * Learn of a leader with an epoch at least ours. A newer epoch makes a leader step down and any
 * follower re-check its log against the new leader.
 */
export function adoptLeader(ctx: Ctx, info: LeaderInfo): boolean {
  const node = ctx.state;
  if (info.leader === null || info.epoch < node.epoch) return false;
  // Each epoch has one leader: within our epoch, only learn a leader we did not know.
  if (info.epoch === node.epoch && node.leaderId !== null) return false;
  // What agreed with the old leader's log need not agree with the new one's.
  if (info.epoch > node.epoch) node.verifiedPos = 0;
  node.epoch = info.epoch;
  node.leaderId = info.leader;
  ctx.emit('leader-is', info.leader);
  if (node.role === 'leader' && info.leader !== ctx.self) {
    feedReplica(ctx, { type: 'DEMOTE' }, replicaActions);
  } else if (node.lifecycle !== 'bootstrapping') {
    sendFetch(ctx, true);
  } else {
    startBootstrap(ctx);
  }
  return true;
}

/** The leader was at `leaderPos` at `sentAt`; if we hold that much, we were that fresh. */
function noteFresh(ctx: Ctx, sentAt: number, leaderPos: number): void {
  const node = ctx.state;
  if (lastPos(node.storage) >= leaderPos && sentAt > node.freshAsOf) node.freshAsOf = sentAt;
}

function rejectStale(ctx: Ctx, to: string): void {
  const info: LeaderInfo = { epoch: ctx.state.epoch, leader: ctx.state.leaderId };
  ctx.send(to, 'not-leader', info);
}

/** Messages carrying a leader's epoch: stale ones are refused, newer ones adopted. */
function fromLeader(ctx: Ctx, msg: Message, info: LeaderInfo): boolean {
  if (info.epoch < ctx.state.epoch) {
    rejectStale(ctx, msg.from);
    return false;
  }
  adoptLeader(ctx, info);
  return ctx.state.leaderId === msg.from;
}

export function replicaMessage(ctx: Ctx, msg: Message): void {
  const node = ctx.state;
  // The commonest kinds first: a switch over strings compares them in turn.
  switch (msg.kind) {
    case 'ack':
      if (node.leader !== null) onAck(ctx, node.leader, msg.from, msg.payload as Ack);
      return;
    case 'replicate': {
      const m = msg.payload as Replicate;
      if (!fromLeader(ctx, msg, m)) return;
      onReplicate(ctx, msg.from, m);
      noteVerified(ctx, m.entries);
      relayEntries(ctx, m);
      // The entry sent was the leader's last: holding it, we were as fresh as the leader then.
      noteFresh(ctx, msg.sentAt, m.entries[m.entries.length - 1]?.pos ?? m.prevPos);
      return;
    }
    case 'heartbeat': {
      const m = msg.payload as Heartbeat;
      if (!fromLeader(ctx, msg, m)) return;
      // The leader is heard again: the next fetch goes to it first, before any peer.
      node.fetchAttempts = 0;
      if (m.upstream !== undefined) learnUpstream(ctx, m.upstream);
      onHeartbeat(ctx, msg.from, m);
      noteFresh(ctx, msg.sentAt, m.lastPos);
      relayHeartbeat(ctx);
      return;
    }
    case 'relay':
      onRelay(ctx, msg.from, msg.payload as Relay);
      return;
    case 'relay-heartbeat':
      onRelayHeartbeat(ctx, msg.from, msg.payload as RelayHeartbeat);
      return;
    case 'peer-catch-up': {
      const m = msg.payload as CatchUp;
      if (node.lifecycle === 'bootstrapping' || !acceptPeerCatchUp(ctx, m)) return;
      countBootstrapMessage(ctx, m);
      ctx.emit('peer-catch-up', { from: msg.from, entries: m.entries.length });
      news(ctx, onCatchUp(ctx, msg.from, m));
      noteVerified(ctx, m.entries, m.truncateTo);
      return;
    }
    case 'catch-up': {
      const m = msg.payload as CatchUp;
      if (!fromLeader(ctx, msg, m)) return;
      countBootstrapMessage(ctx, m);
      node.fetchAttempts = 0;
      if (node.lifecycle === 'bootstrapping') {
        if (onReplayBatch(ctx, m)) news(ctx, 'bootstrapped');
        return;
      }
      news(ctx, onCatchUp(ctx, msg.from, m));
      noteVerified(ctx, m.entries, m.truncateTo);
      return;
    }
    case 'snapshot': {
      const m = msg.payload as SnapshotMsg;
      if (!fromLeader(ctx, msg, m)) return;
      countBootstrapMessage(ctx, m);
      news(ctx, onSnapshot(ctx, m));
      return;
    }
    case 'fetch':
      if (node.role === 'leader') onFetch(ctx, msg.from, msg.payload as Fetch);
      else if (!servePeerFetch(ctx, msg.from, msg.payload as Fetch)) rejectStale(ctx, msg.from);
      return;
    case 'snapshot-request':
      if (node.role === 'leader') sendSnapshot(ctx, msg.from);
      else rejectStale(ctx, msg.from);
      return;
    case 'not-leader':
    case 'new-leader':
      adoptLeader(ctx, msg.payload as LeaderInfo);
      if (node.lifecycle === 'bootstrapping' && msg.kind === 'not-leader') startBootstrap(ctx);
      return;
    case 'promotion-fetch':
      onPromotionFetch(ctx, msg.from, msg.payload as PromotionFetch);
      return;
    case 'promotion-entries':
      onPromotionEntries(ctx, msg.from, msg.payload as PromotionEntries);
      return;
    case 'ping':
      onPing(ctx, msg.from, msg.payload as Ping);
      return;
    case 'position-query': {
      const position: Position = {
        lastPos: lastPos(node.storage),
        lastEpoch: lastEpoch(node.storage),
      };
      if (node.lifecycle !== 'bootstrapping') ctx.send(msg.from, 'position', position);
      return;
    }
    case 'promote':
      onPromote(ctx, msg.from, msg.payload as Promote);
      return;
  }
}

/** A batch our upstream relays (cascading): apply it as if from the leader, and pass it on. */
function onRelay(ctx: Ctx, from: string, m: Relay): void {
  if (!fromUpstream(ctx, from, m.epoch)) return;
  if (m.epoch > ctx.state.epoch) adoptLeader(ctx, { epoch: m.epoch, leader: m.leader });
  onReplicate(ctx, from, m);
  noteVerified(ctx, m.entries);
  relayEntries(ctx, m);
  const last = m.entries[m.entries.length - 1]?.pos ?? m.prevPos;
  if (lastPos(ctx.state.storage) >= last)
    ctx.state.freshAsOf = Math.max(ctx.state.freshAsOf, m.freshAsOf);
}

function onRelayHeartbeat(ctx: Ctx, from: string, m: RelayHeartbeat): void {
  const node = ctx.state;
  if (!fromUpstream(ctx, from, m.epoch) || node.lifecycle === 'bootstrapping') return;
  if (m.epoch > node.epoch) adoptLeader(ctx, { epoch: m.epoch, leader: m.leader });
  if (lastPos(node.storage) < m.lastPos) sendFetch(ctx);
  else node.freshAsOf = Math.max(node.freshAsOf, m.freshAsOf);
  relayHeartbeat(ctx);
}

function onPing(ctx: Ctx, from: string, ping: Ping): void {
  const node = ctx.state;
  if (ping.leader !== null) adoptLeader(ctx, { epoch: ping.epoch, leader: ping.leader });
  if (node.leader !== null && ping.leader === ctx.self && ping.epoch === node.epoch) {
    node.leader.leaseUntil = ping.sentAtLocal + ctx.config.leaseMs;
  }
  const pong: Pong = {
    epoch: node.epoch,
    role: node.role === 'leader' ? 'leader' : 'follower',
    lastPos: lastPos(node.storage),
    lastEpoch: lastEpoch(node.storage),
  };
  ctx.send(from, 'pong', pong);
}

function onPromote(ctx: Ctx, from: string, promote: Promote): void {
  const node = ctx.state;
  if (promote.epoch <= node.epoch && node.leaderId !== ctx.self) return;
  node.epoch = promote.epoch;
  if (node.role !== 'leader') {
    feedReplica(ctx, { type: 'PROMOTE' }, replicaActions);
    if (node.leader !== null) raiseBarrier(ctx, node.leader, true);
  }
  node.leaderId = ctx.self;
  if (node.leader !== null) node.leader.leaseUntil = promote.sentAtLocal + ctx.config.leaseMs;
  ctx.send(from, 'promoted', { epoch: node.epoch });
}

export function replicaTimer(ctx: Ctx, name: string): void {
  const node = ctx.state;
  switch (name) {
    case 'heartbeat':
      if (node.leader === null) return;
      leaderTick(ctx, node.leader);
      ctx.setTimer('heartbeat', ctx.config.heartbeatIntervalMs);
      return;
    case 'fetch-retry':
      node.fetchAttempts += 1;
      if (node.role === 'follower') sendFetch(ctx, true);
      return;
    case 'snapshot-retry':
      if (node.lifecycle === 'bootstrapping') startBootstrap(ctx);
      return;
    case 'upstream-watch':
      if (onUpstreamWatch(ctx)) sendFetch(ctx, true);
      return;
  }
}

export function replicaRequest(ctx: Ctx, request: ClientRequest): void {
  const node = ctx.state;
  if (request.f === 'read') {
    // A joining follower that crashed mid-bootstrap recovers, but still lacks what it needs.
    if (node.lifecycle === 'bootstrapping' || node.bootstrap?.readyAt === null) {
      redirectOrFail(ctx, request, notReadyReason(ctx));
      return;
    }
    const session = request.session as ReadSession | undefined;
    const behind = session === undefined ? null : whyBehind(ctx, session);
    if (behind !== null) {
      redirectOrFail(ctx, request, behind);
      return;
    }
    const value = node.storage.data[request.key] ?? null;
    const meta = { pos: lastPos(node.storage), role: node.role };
    if (session?.causal === true) Object.assign(meta, causalMeta(node.storage, request.key));
    ctx.reply(request, { type: 'ok', value, meta });
    if (node.bootstrap !== null) noteFirstRead(ctx);
    return;
  }
  if (node.leader === null) {
    redirectOrFail(ctx, request, 'not the leader');
    return;
  }
  leaderWrite(ctx, node.leader, request);
}

/** Why this replica must not serve a read with these session facts, or null if it may. */
function whyBehind(ctx: Ctx, session: ReadSession): string | null {
  const node = ctx.state;
  if (node.role === 'leader') return null;
  if (session.leader === true) return 'not the leader';
  const pos = lastPos(node.storage);
  if (session.minPos !== undefined && pos < session.minPos)
    return `behind: at position ${pos}, the read needs ${session.minPos}`;
  const staleMs = ctx.now - node.freshAsOf;
  if (session.maxStalenessMs !== undefined && staleMs > session.maxStalenessMs)
    return `too stale: last known up to date ${staleMs} ms ago`;
  return null;
}

/** The position of the entry that wrote the value, and the positions it depends on. */
function causalMeta(storage: Storage, key: string): Record<string, number> {
  const entry = lastEntryFor(storage, key);
  const meta: Record<string, number> = { entryPos: entry?.pos ?? storage.snapshotPos };
  for (const [partition, pos] of Object.entries(entry?.deps ?? {})) meta[`dep:${partition}`] = pos;
  return meta;
}

function redirectOrFail(ctx: Ctx, request: ClientRequest, reason: string): void {
  const leader = ctx.state.leaderId;
  if (leader !== null && leader !== ctx.self)
    ctx.reply(request, { type: 'redirect', to: leader, reason });
  else ctx.reply(request, { type: 'fail', error: `${reason}, and no leader is known` });
}
