/**
 * Re-attaching a follower to another upstream (cascading replication) by hand: the inputs (one
 * `set-upstream` command to every replica, as a scenario's `set-upstream` step compiles to), and
 * what is wrong with such a change before it is recorded.
 */
import { nodeRuntime } from '../engine/endpoints';
import type { NodeId, UntimedInput } from '../engine/types';
import type { AnySim } from '../scenarios/runAny';

/** The commands that make `follower` replicate from `upstream` (null: from the leader). */
export function upstreamInputs(
  replicas: readonly NodeId[],
  follower: NodeId,
  upstream: NodeId | null,
): UntimedInput[] {
  return replicas.map((node) => ({
    type: 'command' as const,
    node,
    command: 'set-upstream',
    args: { follower, upstream },
  }));
}

/**
 * Why the follower cannot replicate from `upstream`, naming the field: an unknown node, itself,
 * or an upstream that (through its own upstreams) replicates from the follower, a loop that
 * would starve both of them.
 */
export function upstreamProblem(
  sim: AnySim,
  at: NodeId,
  args: Record<string, unknown>,
): string | null {
  const follower = String(args.follower);
  const upstream = args.upstream === null ? null : String(args.upstream);
  if (nodeRuntime(sim, follower) === undefined)
    return `follower: no node "${follower}" in this cluster`;
  if (upstream === null) return null;
  if (nodeRuntime(sim, upstream) === undefined)
    return `upstream: no node "${upstream}" in this cluster`;
  if (upstream === follower) return 'upstream: a follower cannot replicate from itself';
  // Single-leader replicas keep the map; other families have none, so nothing can loop.
  const state = nodeRuntime(sim, at)?.state as { upstreams?: Record<string, string> } | undefined;
  const upstreams = state?.upstreams ?? {};
  const seen = new Set<string>();
  for (let n: string | undefined = upstream; n !== undefined; n = upstreams[n]) {
    if (n === follower)
      return `upstream: ${upstream} already replicates from ${follower} (through its upstreams): that would be a loop`;
    if (seen.has(n)) break;
    seen.add(n);
  }
  return null;
}
