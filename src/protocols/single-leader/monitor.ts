/**
 * The failover monitor (a controller node, as DDIA's "previously elected controller"). It pings
 * every replica; a leader that stays silent past the failure timeout starts a failover, whose
 * steps are driven by the failover chart: query positions, choose the most up-to-date follower,
 * promote it, and announce it to everyone else.
 */
import { type ChartAction, sendChart, startChart } from '../../engine/statechart';
import type { NodeId } from '../../engine/types';
import { type FailoverEvent, failoverMachine } from './failoverMachine';
import type { LeaderInfo, Ping, Pong, Position, Promote } from './messages';
import type { Ctx, MonitorVolatile } from './state';
import { replicaIds } from './state';

export function newMonitorState(ctx: Ctx): MonitorVolatile {
  const lastHeard: Record<NodeId, number> = {};
  for (const id of replicaIds(ctx)) lastHeard[id] = ctx.now;
  return { lastHeard, candidates: {}, lastLeasePingAt: -Infinity, suspect: null };
}

export function startMonitor(ctx: Ctx): void {
  const node = ctx.state;
  node.monitor = newMonitorState(ctx);
  const start = startChart(failoverMachine, {
    promoteTimeoutMs: 4 * ctx.config.heartbeatIntervalMs,
  });
  node.chart = start.snapshot;
  monitorTick(ctx);
}

function watching(ctx: Ctx): boolean {
  return ctx.state.chart.value === 'watching';
}

/** Ping everyone; notice a silent leader. */
export function monitorTick(ctx: Ctx): void {
  const node = ctx.state;
  const monitor = node.monitor as MonitorVolatile;
  const leader = watching(ctx) ? node.leaderId : null;
  const ping: Ping = { epoch: node.leaderEpoch, leader, sentAtLocal: ctx.localTime() };
  if (leader !== null) monitor.lastLeasePingAt = ping.sentAtLocal;
  for (const id of replicaIds(ctx)) ctx.send(id, 'ping', ping);
  if (leader !== null && ctx.now - (monitor.lastHeard[leader] ?? 0) > ctx.config.failureTimeoutMs) {
    ctx.emit('leader-silent', leader);
    feedFailover(ctx, { type: 'LEADER_SILENT', leader });
  }
  ctx.setTimer('ping', ctx.config.heartbeatIntervalMs);
}

export function onPong(ctx: Ctx, from: NodeId, pong: Pong): void {
  const node = ctx.state;
  const monitor = node.monitor as MonitorVolatile;
  monitor.lastHeard[from] = ctx.now;
  if (pong.role !== 'leader' || from === node.leaderId) return;
  if (pong.epoch < node.leaderEpoch) {
    // An old leader that missed the failover is told, and so steps down.
    const info: LeaderInfo = { epoch: node.leaderEpoch, leader: node.leaderId };
    ctx.send(from, 'new-leader', info);
  } else if (pong.epoch > node.leaderEpoch && pong.epoch <= node.epoch && watching(ctx)) {
    // A promotion this monitor issued took effect although its confirmation was lost.
    install(ctx, from, pong.epoch);
  }
}

export function onPosition(ctx: Ctx, from: NodeId, position: Position): void {
  const monitor = ctx.state.monitor as MonitorVolatile;
  if (ctx.state.chart.value !== 'choosing') return;
  monitor.candidates[from] = position;
}

/** Make `leader` (promoted in `epoch`) the leader everyone is told about. */
function install(ctx: Ctx, leader: NodeId, epoch: number): void {
  const node = ctx.state;
  const monitor = node.monitor as MonitorVolatile;
  const old = monitor.suspect ?? node.leaderId;
  node.leaderId = leader;
  node.leaderEpoch = epoch;
  monitor.lastHeard[leader] = ctx.now;
  const info: LeaderInfo = { epoch, leader };
  for (const id of replicaIds(ctx)) if (id !== leader) ctx.send(id, 'new-leader', info);
  ctx.emit('failover', {
    from: old,
    to: leader,
    epoch,
    oldLeaderUp: old !== null && ctx.isUp(old),
  });
  monitor.suspect = null;
}

export function onPromoted(ctx: Ctx, from: NodeId, info: { epoch: number }): void {
  if (info.epoch !== ctx.state.epoch) return;
  feedFailover(ctx, { type: 'PROMOTED', leader: from });
}

/** The most up-to-date follower that answered: highest (epoch, position), then lowest id. */
export function chooseCandidate(candidates: MonitorVolatile['candidates']): NodeId | null {
  let best: NodeId | null = null;
  for (const [id, c] of Object.entries(candidates).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const b = best === null ? undefined : candidates[best];
    if (
      b === undefined ||
      c.lastEpoch > b.lastEpoch ||
      (c.lastEpoch === b.lastEpoch && c.lastPos > b.lastPos)
    ) {
      best = id;
    }
  }
  return best;
}

export function onMonitorTimer(ctx: Ctx, name: string, data: unknown): void {
  if (name === 'ping') monitorTick(ctx);
  else if (name === 'decide') {
    const monitor = ctx.state.monitor as MonitorVolatile;
    feedFailover(ctx, { type: 'DECIDE', candidate: chooseCandidate(monitor.candidates) });
  } else if (name.startsWith('chart:')) feedFailover(ctx, data as FailoverEvent);
}

export function feedFailover(ctx: Ctx, event: FailoverEvent): void {
  const node = ctx.state;
  const step = sendChart(failoverMachine, node.chart, event);
  const before = node.chart.value;
  node.chart = step.snapshot;
  if (step.snapshot.value !== before) ctx.emit('failover-step', String(step.snapshot.value));
  for (const action of step.actions) runFailoverAction(ctx, action);
}

function runFailoverAction(ctx: Ctx, action: ChartAction): void {
  const node = ctx.state;
  const monitor = node.monitor as MonitorVolatile;
  const params = ('params' in action ? action.params : undefined) ?? {};
  switch (action.type) {
    case 'queryPositions': {
      monitor.suspect = node.leaderId;
      monitor.candidates = {};
      for (const id of replicaIds(ctx))
        if (id !== monitor.suspect) ctx.send(id, 'position-query', {});
      // With fencing, wait until the old leader's lease has surely run out before promoting.
      const leaseLeft = ctx.config.fencing
        ? monitor.lastLeasePingAt + ctx.config.leaseMs - ctx.localTime()
        : 0;
      ctx.setTimer('decide', Math.max(ctx.config.electionWaitMs, leaseLeft));
      return;
    }
    case 'promote': {
      node.epoch += 1;
      const promote: Promote = { epoch: node.epoch, sentAtLocal: ctx.localTime() };
      ctx.send(String(params.candidate), 'promote', promote);
      return;
    }
    case 'announce':
      install(ctx, String(params.leader), node.epoch);
      return;
    case 'giveUp':
      ctx.emit('failover-gave-up');
      if (node.leaderId !== null) monitor.lastHeard[node.leaderId] = ctx.now;
      return;
    case 'timer':
      if ('event' in action) ctx.setTimer(`chart:${action.id}`, action.delayMs, action.event);
      return;
    case 'cancel-timer':
      if ('id' in action) ctx.cancelTimer(`chart:${action.id}`);
      return;
    default:
      throw new Error(`failover chart: unknown action ${action.type}`);
  }
}
