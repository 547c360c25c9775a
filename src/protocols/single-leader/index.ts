/**
 * Single-leader replication as an engine protocol: one leader takes every write and ships its
 * log to followers (sync, async or semi-sync); followers recover by fetching from their last
 * position; new followers start from a snapshot; a monitor detects a dead leader and fails over.
 */
import type { Protocol } from '../../engine/protocol';
import { sendChart, startChart } from '../../engine/statechart';
import type { NodeId } from '../../engine/types';
import { bootstrapMethodOf, newBootstrap } from './bootstrap';
import { setUpstream, watchUpstream } from './cascade';
import { feedReplica, mirrorChart, runActions } from './chart';
import {
  afterTimeout,
  initClient,
  learnFromResult,
  routeOp,
  type SingleLeaderClient,
  sessionFor,
} from './client';
import type { FollowerMode, SingleLeaderConfig } from './config';
import { type HeldCommit, isCommitTimer } from './formats/heldCommit';
import { setEngineVersion } from './formats/nodeFormat';
import { commitHeldWrite, requiredAcksChanged } from './leader';
import { emptyStorage } from './log';
import type { Pong, Position } from './messages';
import {
  feedFailover,
  onMonitorTimer,
  onPong,
  onPosition,
  onPromoted,
  startMonitor,
} from './monitor';
import { partitionOfNode } from './partitions';
import { replicaActions, replicaMessage, replicaRequest, replicaTimer } from './replica';
import { replicaMachine } from './replicaMachine';
import type { SingleLeaderNode } from './state';

export type { SingleLeaderClient } from './client';
export type { SingleLeaderConfig } from './config';
export type { SingleLeaderNode } from './state';

/** The leader of a node's partition at time 0 (the cluster's leader when unpartitioned). */
function initialLeader(id: NodeId, config: SingleLeaderConfig): NodeId {
  const p = config.partitions;
  return p === undefined ? config.leader : (p.leaders[partitionOfNode(p, id)] ?? config.leader);
}

function replicaChart(id: NodeId, config: SingleLeaderConfig, joining: boolean) {
  return startChart(replicaMachine, {
    role: id === initialLeader(id, config) ? 'leader' : 'follower',
    joining,
  });
}

export const singleLeader: Protocol<SingleLeaderConfig, SingleLeaderNode, SingleLeaderClient> = {
  name: 'single-leader',

  initNode(id, config, _nodeIds, joining, args) {
    const isMonitor = id === config.monitor;
    const node: SingleLeaderNode = {
      id,
      isMonitor,
      epoch: 1,
      leaderId: initialLeader(id, config),
      leaderEpoch: 1,
      storage: emptyStorage(),
      modes: { ...config.followers },
      chart: replicaChart(id, config, joining).snapshot,
      upstreams: { ...config.upstreams },
      bootstrap: joining ? newBootstrap(bootstrapMethodOf(config, args), 0) : null,
      role: isMonitor ? 'monitor' : 'follower',
      lifecycle: 'active',
      leader: null,
      fetchingUntil: 0,
      freshAsOf: 0,
      monitor: null,
      verifiedPos: 0,
      fetchAttempts: 0,
      upstreamHeardAt: 0,
      upstreamLost: false,
    };
    if (!isMonitor) mirrorChart(node);
    return node;
  },

  initClient: (id, config, _nodeIds, others) => initClient(id, config, others),

  onStart(ctx) {
    const node = ctx.state;
    if (node.isMonitor) {
      startMonitor(ctx);
      return;
    }
    if (node.bootstrap !== null) node.bootstrap.startedAt = ctx.now;
    watchUpstream(ctx);
    const start = replicaChart(ctx.self, ctx.config, node.lifecycle === 'bootstrapping');
    node.chart = start.snapshot;
    mirrorChart(node);
    ctx.emit('role', node.role);
    if (node.role === 'leader') {
      replicaActions.becomeLeader(ctx);
      // The cluster starts configured: the first leader holds a lease from the outset.
      if (node.leader !== null) node.leader.leaseUntil = ctx.localTime() + ctx.config.leaseMs;
    }
    runActions(ctx, start.actions, replicaActions);
  },

  onMessage(ctx, msg) {
    if (!ctx.state.isMonitor) {
      replicaMessage(ctx, msg);
      return;
    }
    if (msg.kind === 'pong') onPong(ctx, msg.from, msg.payload as Pong);
    else if (msg.kind === 'position') onPosition(ctx, msg.from, msg.payload as Position);
    else if (msg.kind === 'promoted') onPromoted(ctx, msg.from, msg.payload as { epoch: number });
  },

  onTimer(ctx, name, data) {
    if (ctx.state.isMonitor) onMonitorTimer(ctx, name, data);
    else if (isCommitTimer(name))
      commitHeldWrite(ctx, data as HeldCommit); // log formats
    else replicaTimer(ctx, name);
  },

  onClientRequest(ctx, request) {
    if (ctx.state.isMonitor) {
      ctx.reply(request, { type: 'fail', error: 'the monitor stores no data' });
      return;
    }
    replicaRequest(ctx, request);
  },

  onCrash(state) {
    const next: SingleLeaderNode = {
      ...state,
      leader: null,
      fetchingUntil: 0,
      monitor: null,
      verifiedPos: 0,
      fetchAttempts: 0,
      upstreamLost: false,
    };
    if (!state.isMonitor) {
      // The chart is durable: after a restart the node still believes in the role it had.
      next.chart = sendChart(replicaMachine, state.chart, { type: 'CRASH' }).snapshot;
      mirrorChart(next);
    }
    return next;
  },

  onRestart(ctx) {
    if (ctx.state.isMonitor) startMonitor(ctx);
    else {
      watchUpstream(ctx);
      feedReplica(ctx, { type: 'RESTART' }, replicaActions);
    }
  },

  onCommand(ctx, command, args) {
    const node = ctx.state;
    if (command === 'set-mode') {
      node.modes[String(args.follower)] = args.mode as FollowerMode;
      ctx.emit('mode', `${String(args.follower)}=${String(args.mode)}`);
      if (node.leader !== null) requiredAcksChanged(ctx, node.leader);
    } else if (command === 'set-upstream' && !node.isMonitor) {
      const upstream = args.upstream === null ? null : String(args.upstream);
      setUpstream(ctx, String(args.follower), upstream);
    } else if (command === 'failover' && node.isMonitor && node.leaderId !== null) {
      feedFailover(ctx, { type: 'LEADER_SILENT', leader: node.leaderId });
    } else if (command === 'set-engine-version' && !node.isMonitor) {
      setEngineVersion(ctx, String(args.version)); // log formats: a storage-engine upgrade
    }
  },

  routeClientOp: routeOp,
  onClientResult: (client, op, result) => learnFromResult(client, op, result),
  onClientTimeout: afterTimeout,
  sessionFor,
};
