/**
 * Cascading replication: a follower may replicate from another follower (its upstream), making
 * a chain or a tree. The leader sends a cascaded follower no log entries, only heartbeats naming
 * its upstream; the upstream relays each batch it applies, and the heartbeats it hears, one hop
 * further, so each hop adds its latency to the lag. A cascaded follower that hears nothing from its upstream for the failure timeout
 * gives up on it and polls the leader instead, until the upstream speaks again.
 */
import type { NodeId } from '../../engine/types';
import { lastPos } from './log';
import type { Heartbeat, Replicate } from './messages';
import { type Ctx, isFollower } from './state';

/** A relayed batch carries how fresh its upstream was, for bounded-staleness reads downstream. */
export interface Relay extends Replicate {
  freshAsOf: number;
}
export interface RelayHeartbeat extends Heartbeat {
  freshAsOf: number;
}

/** The follower this one replicates from right now, or null (the leader directly). */
export function liveUpstream(ctx: Ctx): NodeId | null {
  const node = ctx.state;
  const upstream = node.upstreams[ctx.self];
  if (upstream === undefined || node.upstreamLost || node.role === 'leader') return null;
  return upstream === node.leaderId ? null : upstream;
}

/**
 * Does any follower replicate from this one? Every follower asks for every batch it receives,
 * and almost none has a downstream, so this walks the (usually empty) upstream map rather than
 * looking every node up in it, and builds nothing. A name in the map that is not (yet) a node
 * may answer true where no one is sent to: `sendDownstream` walks the nodes.
 */
function hasDownstream(ctx: Ctx): boolean {
  const { upstreams } = ctx.state;
  const self = ctx.self;
  for (const id in upstreams) if (upstreams[id] === self && id !== self) return true;
  return false;
}

function sendDownstream(ctx: Ctx, kind: string, payload: unknown): void {
  const { upstreams } = ctx.state;
  for (const id of ctx.nodeIds)
    if (upstreams[id] === ctx.self && id !== ctx.self) ctx.send(id, kind, payload);
}

/** Pass a batch we just received on to the followers that replicate from us. */
export function relayEntries(ctx: Ctx, batch: Replicate): void {
  const node = ctx.state;
  if (node.role === 'leader' || !hasDownstream(ctx)) return;
  const relay: Relay = { ...batch, freshAsOf: node.freshAsOf };
  sendDownstream(ctx, 'relay', relay);
}

/** Pass a heartbeat on, with our own last position: a downstream behind us fetches from us. */
export function relayHeartbeat(ctx: Ctx): void {
  const node = ctx.state;
  if (node.role === 'leader' || node.leaderId === null || !hasDownstream(ctx)) return;
  const beat: RelayHeartbeat = {
    epoch: node.epoch,
    leader: node.leaderId,
    lastPos: lastPos(node.storage),
    freshAsOf: node.freshAsOf,
  };
  sendDownstream(ctx, 'relay-heartbeat', beat);
}

/**
 * The leader's heartbeat to each cascaded follower, naming its upstream: the follower learns of
 * the leader and its log position directly (so it notices it is behind even when its upstream
 * is silent), and of its upstream if it missed the change.
 */
export function heartbeatCascaded(ctx: Ctx, beat: Heartbeat): void {
  const { upstreams } = ctx.state;
  for (const id of ctx.nodeIds) {
    const upstream = upstreams[id];
    if (upstream === undefined || upstream === ctx.self || id === ctx.self) continue;
    if (!isFollower(ctx, id)) continue;
    const told: Heartbeat = { ...beat, upstream };
    ctx.send(id, 'heartbeat', told);
  }
}

/** Take the upstream the leader names, if ours differs (we were down when it changed). */
export function learnUpstream(ctx: Ctx, upstream: NodeId): void {
  if (ctx.state.upstreams[ctx.self] === upstream) return;
  setUpstream(ctx, ctx.self, upstream);
}

/** Is this message from our upstream, and not from an older leader's time? */
export function fromUpstream(ctx: Ctx, from: NodeId, epoch: number): boolean {
  const node = ctx.state;
  if (node.upstreams[ctx.self] !== from || epoch < node.epoch) return false;
  node.upstreamHeardAt = ctx.now;
  if (node.upstreamLost) {
    node.upstreamLost = false;
    ctx.emit('upstream-back', from);
  }
  return true;
}

/** Start (or restart) watching the upstream, if this follower has one. */
export function watchUpstream(ctx: Ctx): void {
  const node = ctx.state;
  node.upstreamHeardAt = ctx.now;
  node.upstreamLost = false;
  if (node.upstreams[ctx.self] !== undefined)
    ctx.setTimer('upstream-watch', ctx.config.heartbeatIntervalMs);
}

/**
 * The watch timer: give up on a silent upstream and poll the leader while it stays silent.
 * Returns true when the caller should fetch (from the leader).
 */
export function onUpstreamWatch(ctx: Ctx): boolean {
  const node = ctx.state;
  const upstream = node.upstreams[ctx.self];
  if (upstream === undefined || node.role === 'leader') return false;
  ctx.setTimer('upstream-watch', ctx.config.heartbeatIntervalMs);
  if (!node.upstreamLost && ctx.now - node.upstreamHeardAt > ctx.config.failureTimeoutMs) {
    node.upstreamLost = true;
    ctx.emit('upstream-lost', upstream);
  }
  return node.upstreamLost;
}

/** An operator's `set-upstream` command, which every replica applies to its own map. */
export function setUpstream(ctx: Ctx, follower: NodeId, upstream: NodeId | null): void {
  const node = ctx.state;
  if (upstream === null) delete node.upstreams[follower];
  else node.upstreams[follower] = upstream;
  if (node.leader !== null) node.leader.direct = null; // whom the leader sends to directly
  ctx.emit('upstream', { follower, upstream });
  if (follower === ctx.self) {
    if (upstream === null) ctx.cancelTimer('upstream-watch');
    watchUpstream(ctx);
  }
}
