/**
 * Multi-leader routes as the picture draws them: one line per pair of nodes, with an arrowhead
 * at each end changes flow towards. A two-way pair (all-to-all, a star's spokes) is one line
 * with two heads, so each datacenter pair carries one line and one label; a ring's one-way
 * links keep one head, and read round the circle like figure 5-8. Pure, so it is tested alone.
 */
import type { LinkView, RouteView } from '../../store/view';
import { SLOW_LINK_FACTOR } from '../../store/view';

export interface RouteLink {
  a: string;
  b: string;
  kind: RouteView['kind'];
  /** Changes flow from a to b. */
  toB: boolean;
  /** Changes flow from b to a. */
  toA: boolean;
}

export function routeLinks(routes: readonly RouteView[]): RouteLink[] {
  const byPair = new Map<string, RouteLink>();
  for (const r of routes) {
    const [a, b] = r.from < r.to ? [r.from, r.to] : [r.to, r.from];
    const key = `${a}>${b}`;
    const link = byPair.get(key) ?? { a, b, kind: r.kind, toB: false, toA: false };
    if (r.from === a) link.toB = true;
    else link.toA = true;
    byPair.set(key, link);
  }
  return [...byPair.values()];
}

/**
 * A direction judged against the scenario's own latency for it, not the cluster default: links
 * between datacenters are slow by design, and marking every one of them "slow" hides the one
 * a lag spike made slower still.
 */
export function slowAgainstScenario(link: LinkView): LinkView {
  return { ...link, slow: link.baseMs > SLOW_LINK_FACTOR * Math.max(1, link.scenarioBaseMs) };
}
