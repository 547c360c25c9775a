/**
 * The client side of a single-leader cluster: send writes to the leader of the key's partition
 * it believes in, reads where the routing setting and the cures say, and learn leaders from
 * redirects.
 */
import type { ClientResult, RoutingView } from '../../engine/protocol';
import { pick } from '../../engine/rng';
import type { ClientId, ClientOp, NodeId } from '../../engine/types';
import type { Cures, ReadRouting, SingleLeaderConfig } from './config';
import {
  groupMembers,
  type Partitioning,
  partitionOfKey,
  partitionOfNode,
  stableHash,
  WHOLE,
} from './partitions';
import {
  learnFromAnswer,
  newSession,
  type ReadSession,
  readFromLeader,
  sessionFacts,
  type UserSession,
  userOf,
} from './session';

export interface SingleLeaderClient {
  id: ClientId;
  user: string;
  /** Partition → the leader this client believes in. */
  leaderHints: Record<string, NodeId>;
  reads: ReadRouting;
  /** The monitor holds no data: never a target. */
  monitor: NodeId | null;
  partitions?: Partitioning;
  cures: Cures;
  /** Shared with the user's other devices when `cures.shareAcrossDevices`. */
  session: UserSession;
  /** Replicas this client timed out on: a pinned user moves past them (monotonic reads). */
  unreachable: Record<NodeId, true>;
  /** Round-robin routing: how many reads it has sent to followers. */
  turn: number;
  /**
   * The current read was routed to the leader (by the setting or a cure). It says so, and a
   * replica that does not lead redirects it: a client that guessed the wrong leader after a
   * timeout must not be served stale data it never asked for.
   */
  leaderRead: boolean;
}

/**
 * A new client. `others` are the clients created before it: with `shareAcrossDevices`, a
 * device of a user who already has one shares that device's session object (checkpoints clone
 * the simulation whole, so the sharing survives time travel).
 */
export function initClient(
  id: ClientId,
  config: SingleLeaderConfig,
  others: readonly SingleLeaderClient[] = [],
): SingleLeaderClient {
  const cures = config.cures;
  const user = userOf(id);
  const sibling = cures.shareAcrossDevices ? others.find((c) => c.user === user) : undefined;
  const p = config.partitions;
  const leaderHints = p === undefined ? { [WHOLE]: config.leader } : { ...p.leaders };
  return {
    id,
    user,
    leaderHints,
    reads: config.clientReads?.[id] ?? config.reads,
    monitor: config.monitor,
    ...(p === undefined ? {} : { partitions: p }),
    cures,
    session: sibling?.session ?? newSession(),
    unreachable: {},
    turn: 0,
    leaderRead: false,
  };
}

function replicas(view: RoutingView, monitor: NodeId | null): NodeId[] {
  return view.nodeIds.filter((id) => id !== monitor);
}

/** Monotonic reads: the user's replica, by a hash of the user id, skipping unreachable ones. */
function pinnedReplica(client: SingleLeaderClient, members: NodeId[]): NodeId {
  const start = stableHash(client.user) % members.length;
  for (let i = 0; i < members.length; i++) {
    const id = members[(start + i) % members.length] as NodeId;
    if (client.unreachable[id] !== true) return id;
  }
  client.unreachable = {}; // every replica failed us once: start afresh
  return members[start] as NodeId;
}

/**
 * One of the replicas the routing spreads reads over: the user's pinned one under the
 * monotonic-reads cure, else at random or in turn.
 */
function choose(
  client: SingleLeaderClient,
  reads: ReadRouting,
  pool: NodeId[],
  view: RoutingView,
): NodeId {
  if (client.cures.monotonicReads === 'pinned-replica') return pinnedReplica(client, pool);
  if (reads === 'round-robin') return pool[client.turn++ % pool.length] as NodeId;
  return pick(view.rng, pool);
}

/**
 * Writes go to the leader of the key's partition; a read goes where the op asks, else where the
 * client's setting says, unless a cure sends it to the leader or to the user's pinned replica.
 */
export function routeOp(client: SingleLeaderClient, op: ClientOp, view: RoutingView): NodeId {
  const reads: ReadRouting = op.readFrom ?? client.reads;
  const partition = partitionOfKey(client.partitions, op.key);
  const leader = client.leaderHints[partition] as NodeId;
  if (op.f === 'write') {
    // Only leader-for-own-keys reads the keys written (`readFromLeader`), and cures are fixed for
    // a run. Without it, no store per write into a record keyed by every key the user wrote: a
    // megamorphic keyed store (4,122 -> 4,086 instructions per event in the engine benchmark).
    if (client.cures.readYourWrites === 'leader-for-own-keys')
      client.session.written[op.key] = true;
    client.session.lastWriteAt = view.now;
    return leader;
  }
  const toLeader =
    reads === 'leader' || readFromLeader(client.cures, client.session, op.key, view.now);
  client.leaderRead = toLeader;
  if (toLeader) return leader;
  const members = groupMembers(client.partitions, partition, replicas(view, client.monitor));
  if (reads === 'any') return choose(client, reads, members, view);
  if (reads === 'follower' || reads === 'round-robin') {
    const followers = members.filter((id) => id !== leader);
    return followers.length > 0 ? choose(client, reads, followers, view) : leader;
  }
  return reads.replica;
}

export function sessionFor(client: SingleLeaderClient, op: ClientOp) {
  const partition = partitionOfKey(client.partitions, op.key);
  const facts = sessionFacts(client.cures, client.session, op, partition);
  if (op.f !== 'read' || !client.leaderRead) return facts as Record<string, unknown> | undefined;
  return facts === undefined ? LEADER_READ : { ...facts, leader: true };
}

/** The facts of a plain leader read (most reads of most scenarios): one object for all. */
const LEADER_READ: Readonly<ReadSession> = Object.freeze({ leader: true });

export function learnFromResult(
  client: SingleLeaderClient,
  op: ClientOp,
  result: ClientResult,
): void {
  const partition = partitionOfKey(client.partitions, op.key);
  if (result.type === 'redirect') client.leaderHints[partition] = result.to;
  else learnFromAnswer(client.session, op, result, partition);
}

/** No answer from `target`: if we believed it led, try the next replica of its partition. */
export function afterTimeout(client: SingleLeaderClient, target: NodeId, view: RoutingView): void {
  client.unreachable[target] = true;
  const partition = partitionOfNode(client.partitions, target);
  if (target !== client.leaderHints[partition]) return;
  const all = groupMembers(client.partitions, partition, replicas(view, client.monitor));
  const next = all[(all.indexOf(target) + 1) % all.length];
  if (next !== undefined) client.leaderHints[partition] = next;
}
