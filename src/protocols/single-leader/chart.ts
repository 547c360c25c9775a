/**
 * Feeding the replica chart: advance it, mirror its regions into the node, trace changes, and
 * execute the actions it returns. The only place that touches a replica's chart.
 */
import { chartMatches, sendChart } from '../../engine/statechart';
import type { ReplicaEvent } from './replicaMachine';
import { replicaMachine } from './replicaMachine';
import type { Ctx, Lifecycle, SingleLeaderNode } from './state';

/** The handlers behind the chart's named actions. */
export interface ReplicaActions {
  startRecovery(ctx: Ctx): void;
  requestSnapshot(ctx: Ctx): void;
  startCatchUp(ctx: Ctx): void;
  becomeLeader(ctx: Ctx): void;
  becomeFollower(ctx: Ctx): void;
}

const lifecycles: Lifecycle[] = ['bootstrapping', 'catchingUp', 'recovering', 'active', 'down'];

/** Copy the chart's state into the node's `role` and `lifecycle` fields. */
export function mirrorChart(node: SingleLeaderNode): void {
  const value = node.chart.value;
  node.role = chartMatches(value, 'role.leader') ? 'leader' : 'follower';
  node.lifecycle = lifecycles.find((l) => chartMatches(value, `lifecycle.${l}`)) ?? 'active';
}

/** Send an event to the node's chart and carry out what it asks for. */
export function feedReplica(ctx: Ctx, event: ReplicaEvent, actions: ReplicaActions): void {
  const node = ctx.state;
  const before = { role: node.role, lifecycle: node.lifecycle };
  const step = sendChart(replicaMachine, node.chart, event);
  node.chart = step.snapshot;
  mirrorChart(node);
  if (node.role !== before.role) ctx.emit('role', node.role);
  if (node.lifecycle !== before.lifecycle) ctx.emit('lifecycle', node.lifecycle);
  runActions(ctx, step.actions, actions);
}

/** Execute chart actions by name. */
export function runActions(
  ctx: Ctx,
  list: ReadonlyArray<{ type: string }>,
  actions: ReplicaActions,
): void {
  for (const action of list) {
    const handler = actions[action.type as keyof ReplicaActions];
    if (handler === undefined) throw new Error(`replica chart: unknown action ${action.type}`);
    handler(ctx);
  }
}
