/**
 * Where writes enter: a leader takes a client's write as a new change (its own next counter, its
 * local clock, the version vector of what it has applied), applies it and sends it to the leaders
 * of the topology and to its followers. Reads are served from the node's own copy. Followers
 * send writes to their leader; under conflict avoidance a leader sends a write for a key homed
 * elsewhere to that key's home leader.
 */
import type { ClientRequest } from '../../engine/protocol';
import { type Change, changeId } from './change';
import { leadersOf, type Topology, topologyTargets } from './config';
import { applyChange, offerCatchUp, sendChange } from './replication';
import type { Ctx } from './state';
import { emptyKey, originOp, readKey, siblingCount } from './values';

/** The home leader of `key` (conflict avoidance): as configured, else the first datacenter's. */
export function homeOf(ctx: Ctx, key: string): string {
  return ctx.state.homes[key] ?? leadersOf(ctx.config)[0] ?? ctx.self;
}

export function takeWrite(ctx: Ctx, request: ClientRequest): void {
  const node = ctx.state;
  if (node.role === 'follower') {
    ctx.reply(request, { type: 'redirect', to: node.leader, reason: 'followers take no writes' });
    return;
  }
  if (ctx.config.conflicts === 'home-leader' && homeOf(ctx, request.key) !== ctx.self) {
    const to = homeOf(ctx, request.key);
    ctx.reply(request, { type: 'redirect', to, reason: `${request.key} is homed at ${to}` });
    return;
  }
  const state = node.data[request.key] ?? emptyKey(ctx.config.values);
  const op = originOp(state, request.value);
  if ('error' in op) {
    ctx.reply(request, { type: 'fail', error: `value: ${op.error}` });
    return;
  }
  node.counter++;
  const change: Change = {
    id: changeId(ctx.self, node.counter),
    origin: ctx.self,
    counter: node.counter,
    key: request.key,
    ts: ctx.localTime(),
    deps: { ...node.vv },
    path: [ctx.self],
    op,
    opId: request.opId,
    client: request.client,
    value: request.value,
  };
  // What the write knowingly overwrites at its origin: a set names it; an update statement
  // (`+=`) rewrites whatever the origin holds, so it replaces those writes just the same.
  const replaces =
    op.t === 'set'
      ? op.replaces
      : op.t === 'add-to' && state.kind === 'register'
        ? state.siblings.map((s) => s.id)
        : [];
  ctx.emit('write', {
    id: change.id,
    key: change.key,
    opId: request.opId,
    replaces,
    deps: change.deps,
  });
  applyChange(ctx, change);
  for (const to of node.targets) sendChange(ctx, to, change);
  ctx.reply(request, { type: 'ok', meta: { change: change.id, ts: change.ts } });
}

export function serveRead(ctx: Ctx, request: ClientRequest): void {
  const state = ctx.state.data[request.key] ?? emptyKey(ctx.config.values);
  const meta = { siblings: siblingCount(state, ctx.config.conflicts), node: ctx.self };
  ctx.reply(request, { type: 'ok', value: readKey(state, ctx.config.conflicts), meta });
}

/**
 * A new topology (a timeline step): this leader's targets change, and what it still owed a
 * target it no longer sends to goes to the new targets instead (the operator re-routing the
 * flow around a failed node).
 */
export function setTopology(ctx: Ctx, topology: Topology): void {
  const node = ctx.state;
  const leaders = leadersOf(ctx.config);
  const targets = topologyTargets(topology, leaders, ctx.self);
  const dropped = node.targets.filter((t) => !targets.includes(t));
  node.topology = topology;
  node.targets = targets;
  ctx.emit('topology', { kind: topology.kind, targets });
  for (const old of dropped) {
    const owed = node.outbox[old] ?? [];
    delete node.outbox[old];
    for (const { change } of owed)
      for (const to of targets) if (!change.path.includes(to)) sendChange(ctx, to, change);
  }
  // Every receiver may lack something: a new one what went round while it was cut off, an old
  // one a change this leader applied before it had to relay it (under all-to-all nobody relays,
  // and a duplicate is never passed on). Each says what it has; what it lacks follows.
  for (const to of targets) offerCatchUp(ctx, to);
}
