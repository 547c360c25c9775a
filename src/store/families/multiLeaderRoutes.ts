/**
 * Multi-leader: who sends changes to whom right now, as directed routes — each leader to the
 * leaders its topology names (as it last heard it: a `set-topology` step re-routes a leader that
 * is up, a leader that was down keeps the old one), and each leader to its own followers. The
 * cluster view draws these instead of every link, so a ring or a star looks like figure 5-8.
 */
import { nodeRuntime } from '../../engine/endpoints';
import type { NodeId } from '../../engine/types';
import type { MultiLeaderSim } from '../../protocols/multi-leader/outcome';

/** One direction changes flow in: between leaders, or from a leader to its follower. */
export interface RouteView {
  from: NodeId;
  to: NodeId;
  kind: 'leader' | 'follower';
}

export function multiLeaderRoutes(sim: MultiLeaderSim): RouteView[] {
  const routes: RouteView[] = [];
  for (const id of sim.core.nodeIds) {
    const s = nodeRuntime(sim, id)?.state;
    if (s === undefined || s.role !== 'leader') continue;
    for (const to of s.targets) routes.push({ from: id, to, kind: 'leader' });
    for (const to of s.followers) routes.push({ from: id, to, kind: 'follower' });
  }
  return routes;
}

/** A key that changes exactly when the routes do, for keeping the same array otherwise. */
export const routesKey = (routes: readonly RouteView[]) =>
  routes.map((r) => `${r.from}>${r.to}`).join(' ');
