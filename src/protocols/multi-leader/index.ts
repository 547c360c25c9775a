/**
 * Multi-leader replication as an engine protocol: one leader per datacenter takes writes and
 * replicates them asynchronously to the other leaders over a topology (all-to-all, circular,
 * star or custom), and to its own followers. Concurrent writes to a key are detected and resolved
 * by the scenario's strategy, or avoided by homing each key at one leader; CRDT values (counter,
 * set, text, list) converge without conflicts. See docs/multi-leader.md.
 */
import type { Protocol } from '../../engine/protocol';
import type { Message } from '../../engine/types';
import { afterTimeout, initClient, learn, type MultiLeaderClient, routeOp } from './client';
import {
  leadersOf,
  type MultiLeaderConfig,
  relays,
  type Topology,
  topologyTargets,
} from './config';
import { serveRead, setTopology, takeWrite } from './origin';
import {
  type CatchUp,
  type ChangesAck,
  type ChangesMsg,
  onCatchUp,
  onCatchUpAsk,
  onChanges,
  onChangesAck,
  onRetryTimer,
  RETRY_TIMER,
} from './replication';
import type { Ctx, MultiLeaderNode } from './state';

export type { MultiLeaderClient } from './client';
export type { MultiLeaderConfig } from './config';
export type { MultiLeaderNode } from './state';

function initNode(id: string, config: MultiLeaderConfig): MultiLeaderNode {
  const dc =
    config.datacenters.find((d) => d.leader === id || d.followers.includes(id)) ??
    config.datacenters[0];
  const isLeader = dc?.leader === id;
  return {
    id,
    role: isLeader ? 'leader' : 'follower',
    dc: dc?.id ?? '',
    leader: dc?.leader ?? id,
    followers: isLeader ? [...(dc?.followers ?? [])] : [],
    topology: config.topology,
    targets: isLeader ? topologyTargets(config.topology, leadersOf(config), id) : [],
    homes: { ...config.homes },
    counter: 0,
    applied: {},
    vv: {},
    data: {},
    log: [],
    waiting: [],
    outbox: {},
    catchUpAsked: {},
    pendingTopology: null,
  };
}

function startTimers(ctx: Ctx): void {
  ctx.setTimer(RETRY_TIMER, ctx.config.retryMs);
}

function onMessage(ctx: Ctx, msg: Message): void {
  if (msg.kind === 'changes')
    onChanges(ctx, msg.from, msg.payload as ChangesMsg, relays(ctx.state.topology));
  else if (msg.kind === 'changes-ack') onChangesAck(ctx, msg.from, msg.payload as ChangesAck);
  else if (msg.kind === 'catch-up-ask') onCatchUpAsk(ctx, msg.from);
  else if (msg.kind === 'catch-up-vv') onCatchUp(ctx, msg.from, msg.payload as CatchUp);
}

export const multiLeader: Protocol<MultiLeaderConfig, MultiLeaderNode, MultiLeaderClient> = {
  name: 'multi-leader',
  initNode: (id, config) => initNode(id, config),
  initClient: (id, config) => initClient(id, config),
  onStart: startTimers,
  onMessage,
  onTimer(ctx, name) {
    if (name === RETRY_TIMER) onRetryTimer(ctx);
  },
  onClientRequest(ctx, request) {
    if (request.f === 'write') takeWrite(ctx, request);
    else serveRead(ctx, request);
  },
  // Everything is on disk: data, positions, what is waiting and what is owed.
  onCrash: (state) => state,
  onRestart(ctx) {
    startTimers(ctx);
    const topology = ctx.state.pendingTopology;
    if (topology !== null) {
      ctx.state.pendingTopology = null;
      setTopology(ctx, topology);
    }
  },
  // Operator steps: re-route the topology, or move a key's home leader.
  onCommand(ctx, command, args) {
    if (command === 'set-topology' && ctx.state.role === 'leader')
      setTopology(ctx, args.topology as Topology);
    if (command === 'set-home') {
      ctx.state.homes[String(args.key)] = String(args.leader);
      ctx.emit('home', { key: args.key, leader: args.leader });
    }
  },
  // A leader that is down when the operator re-routes takes the new topology when it returns;
  // a key re-homed meanwhile is re-homed in its configuration too.
  onCommandWhileDown(state, command, args) {
    if (command === 'set-topology' && state.role === 'leader')
      state.pendingTopology = args.topology as Topology;
    if (command === 'set-home') state.homes[String(args.key)] = String(args.leader);
    return state;
  },
  routeClientOp: routeOp,
  onClientResult: (client, _op, result, from) => learn(client, result, from),
  onClientTimeout: afterTimeout,
};
