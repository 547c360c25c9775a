/**
 * Catching up from peers: a follower whose fetches the leader does not answer in time (it is
 * overloaded, or unreachable from this follower) asks the other followers in turn. A follower
 * serves such a fetch from its own log, but only up to `verifiedPos`, the part it knows agrees
 * with the current leader's log, so nothing a peer hands over can be something the leader lacks.
 * Cascaded followers fetch from their upstream the same way (see cascade.ts).
 */
import type { NodeId } from '../../engine/types';
import { liveUpstream } from './cascade';
import { entriesFrom, epochAt, type LogEntry, lastPos, matchingPrefix } from './log';
import type { CatchUp, Fetch } from './messages';
import { type Ctx, followerIds } from './state';

/**
 * Where a follower sends its next fetch: its upstream when cascading, else the leader; with peer
 * catch-up, each retry after an unanswered fetch tries the next peer, then the leader again.
 */
export function fetchTarget(ctx: Ctx): NodeId | null {
  const node = ctx.state;
  const upstream = liveUpstream(ctx);
  if (upstream !== null) return upstream;
  const leader = node.leaderId;
  if (!ctx.config.peerCatchUp || node.fetchAttempts === 0 || leader === null) return leader;
  const sources = [leader, ...followerIds(ctx).filter((id) => id !== leader)];
  return sources[node.fetchAttempts % sources.length] ?? leader;
}

/**
 * A fetch reaching a follower: answer from our verified log if we may (peer catch-up is on, or
 * the asker cascades from us) and have more than the asker. False when we cannot help.
 */
export function servePeerFetch(ctx: Ctx, from: NodeId, fetch: Fetch): boolean {
  const node = ctx.state;
  const mayServe = ctx.config.peerCatchUp || node.upstreams[from] === ctx.self;
  if (!mayServe || node.lifecycle === 'bootstrapping' || node.leaderId === null) return false;
  const have = node.verifiedPos;
  const match = matchingPrefix(node.storage, fetch.ranges);
  if (have <= match || match < node.storage.snapshotPos) return false;
  const reply: CatchUp = {
    epoch: node.epoch,
    leader: node.leaderId,
    truncateTo: match,
    entries: entriesFrom(node.storage, match + 1, Math.min(ctx.config.catchUpBatch, have - match)),
    leaderLastPos: have,
  };
  ctx.send(from, 'peer-catch-up', reply);
  return true;
}

/** Is a peer's catch-up worth applying: same leader as ours, and more than we hold? */
export function acceptPeerCatchUp(ctx: Ctx, msg: CatchUp): boolean {
  const node = ctx.state;
  return (
    msg.epoch === node.epoch &&
    msg.leader === node.leaderId &&
    msg.leaderLastPos > lastPos(node.storage)
  );
}

/**
 * After applying entries from the leader (or relayed from it): the newest of them that we now
 * hold at the same position with the same epoch proves our log agrees with the leader's up to
 * there (one leader per epoch), so we may hand that much to peers.
 */
export function noteVerified(ctx: Ctx, entries: readonly LogEntry[], agreedPos = 0): void {
  const node = ctx.state;
  let verified = agreedPos;
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i] as LogEntry;
    if (epochAt(node.storage, e.pos) === e.epoch) {
      verified = Math.max(verified, e.pos);
      break;
    }
  }
  if (verified > node.verifiedPos) node.verifiedPos = Math.min(verified, lastPos(node.storage));
}
