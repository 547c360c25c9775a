/**
 * What is wrong with a user input, checked before it is recorded: an input that names an
 * unknown node or client, or carries an impossible number, would otherwise fail only when the
 * run reaches it (perhaps much later, for a scheduled one) and leave a broken run behind.
 */

import { clientRuntime, nodeRuntime } from '../engine/endpoints';
import type { Input } from '../engine/types';
import {
  leadersOf,
  type MultiLeaderConfig,
  type Topology,
  topologyErrors,
} from '../protocols/multi-leader/config';
import type { AnySim } from '../scenarios/runAny';
import { upstreamProblem } from './upstreamInputs';

/** Latencies and clock skews beyond a minute say more about a typo than about a network. */
export const MAX_FAULT_MS = 60_000;

type Check = string | null;

function knownNode(sim: AnySim, field: string, id: string): Check {
  return nodeRuntime(sim, id) === undefined ? `${field}: no node "${id}" in this cluster` : null;
}

function addNodeProblem(sim: AnySim, id: string, args: Record<string, unknown> | undefined): Check {
  if (nodeRuntime(sim, id) !== undefined || clientRuntime(sim, id) !== undefined)
    return `node: "${id}" already exists`;
  if ((sim.config.protocol as { partitions?: unknown }).partitions !== undefined)
    return 'node: nodes cannot be added to a partitioned cluster';
  const method = args?.bootstrap;
  if (method !== undefined && method !== 'snapshot' && method !== 'full-log')
    return `bootstrap: must be "snapshot" or "full-log" (got ${JSON.stringify(method)})`;
  return null;
}

function knownEndpoint(sim: AnySim, field: string, id: string): Check {
  if (nodeRuntime(sim, id) !== undefined || clientRuntime(sim, id) !== undefined) return null;
  return `${field}: no node or client "${id}" in this run`;
}

function msInRange(field: string, ms: number | undefined, min: number): Check {
  if (ms === undefined) return null;
  if (!Number.isFinite(ms) || ms < min || ms > MAX_FAULT_MS) {
    return `${field} must be between ${min} and ${MAX_FAULT_MS} ms (got ${ms})`;
  }
  return null;
}

function firstProblem(checks: Array<() => Check>): Check {
  for (const check of checks) {
    const problem = check();
    if (problem !== null) return problem;
  }
  return null;
}

function endpointsProblem(sim: AnySim, field: string, ids: readonly string[]): Check {
  if (ids.length === 0) return `${field}: a group needs at least one node`;
  return firstProblem(ids.map((id) => () => knownEndpoint(sim, field, id)));
}

function groupsProblem(sim: AnySim, groups: readonly string[][]): Check {
  if (groups.length < 2) return 'groups: a partition needs at least two groups';
  const seen = new Set<string>();
  for (const group of groups) {
    const problem = endpointsProblem(sim, 'groups', group);
    if (problem !== null) return problem;
    for (const id of group) {
      if (seen.has(id)) return `groups: "${id}" is in two groups`;
      seen.add(id);
    }
  }
  return null;
}

/** A multi-leader re-route naming a node that is not a leader, or a ring with a repeat. */
function topologyProblem(sim: AnySim, args: Record<string, unknown> | undefined): Check {
  const config = sim.config.protocol as Partial<MultiLeaderConfig> | null;
  if (args?.topology === undefined || config?.datacenters === undefined) return null;
  const leaders = leadersOf({ datacenters: config.datacenters });
  const [problem] = topologyErrors(args.topology as Topology, leaders, 'args.topology');
  return problem ?? null;
}

/** The problem with `input`, as a message naming the field, or null when it may be recorded. */
export function inputProblem(sim: AnySim, input: Input): string | null {
  switch (input.type) {
    case 'crash':
    case 'restart':
      return knownNode(sim, 'node', input.node);
    case 'command':
      return (
        knownNode(sim, 'node', input.node) ??
        (input.command === 'set-upstream'
          ? upstreamProblem(sim, input.node, input.args ?? {})
          : topologyProblem(sim, input.args))
      );
    case 'clock-skew':
      return knownNode(sim, 'node', input.node) ?? msInRange('skewMs', input.skewMs, -MAX_FAULT_MS);
    case 'partition':
      return groupsProblem(sim, input.groups);
    case 'partition-oneway':
      return endpointsProblem(sim, 'from', input.from) ?? endpointsProblem(sim, 'to', input.to);
    case 'heal':
      return input.between === undefined
        ? null
        : (endpointsProblem(sim, 'between', input.between[0]) ??
            endpointsProblem(sim, 'between', input.between[1]));
    case 'add-node':
      return addNodeProblem(sim, input.node, input.args);
    case 'set-link':
      return firstProblem([
        () => knownEndpoint(sim, 'from', input.from),
        () => knownEndpoint(sim, 'to', input.to),
        () => (input.from === input.to ? 'to: a link joins two different ends' : null),
        () => msInRange('latency.baseMs', input.latency?.baseMs, 0),
        () => msInRange('latency.jitterMs', input.latency?.jitterMs, 0),
        () =>
          input.dropRate !== undefined && !(input.dropRate >= 0 && input.dropRate <= 1)
            ? `dropRate must be between 0 and 1 (got ${input.dropRate})`
            : null,
      ]);
    case 'client-op': {
      if (clientRuntime(sim, input.client) === undefined) {
        return `client: no client "${input.client}" in this run`;
      }
      if (input.op.key.trim() === '') return 'key: an operation needs a key';
      const target = input.op.readFrom;
      return typeof target === 'object' ? knownNode(sim, 'readFrom', target.replica) : null;
    }
  }
}
