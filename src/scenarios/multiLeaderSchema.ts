/**
 * The scenario format for a multi-leader cluster (`"protocol": "multi-leader"`): everything but
 * the cluster and a few timeline steps is the single-leader format's (network, workload,
 * narration, expect). The cluster is a list of datacenters, each with one leader, its followers
 * and the clients it is nearest to; links between datacenters get `interDcLatency`. Documented in
 * docs/scenarios.md and docs/multi-leader.md.
 */
import { z } from 'zod';
import {
  clientIdSchema,
  idSchema,
  latencySchema,
  scenarioSchema,
  timelineStepSchema,
} from './schema';

const id = idSchema;
const clientId = clientIdSchema;
const ms = z.number().int('must be a whole number of milliseconds').min(0, 'must be 0 or more');

const datacenter = z.strictObject({
  id,
  leader: id,
  followers: z.array(id).default([]),
  /** Clients for which this datacenter is the nearest. */
  clients: z.array(clientId).default([]),
});

const topology = z.union([
  z.literal('all-to-all'),
  z.strictObject({ circular: z.array(id).min(2, 'a ring needs at least two leaders') }),
  z.strictObject({ star: id }),
  z.strictObject({ custom: z.array(z.tuple([id, id])).min(1, 'give at least one link') }),
]);

const conflicts = z.union([
  z.enum(['lww', 'highest-replica', 'merge', 'siblings', 'home-leader']),
  z.strictObject({ custom: z.enum(['keep-larger', 'concatenate']) }),
]);

const multiLeaderCluster = z.strictObject({
  datacenters: z.array(datacenter).min(1, 'give at least one datacenter'),
  interDcLatency: latencySchema.default({ baseMs: 80, jitterMs: 20, distribution: 'uniform' }),
  topology: topology.default('all-to-all'),
  conflicts: conflicts.default('lww'),
  values: z.enum(['register', 'counter', 'set', 'text', 'list']).default('register'),
  versionVectors: z.boolean().default(false),
  /** Home leader per key (with `conflicts: "home-leader"`); others live at the first leader. */
  homes: z.record(z.string().min(1), id).default({}),
  retryMs: ms.min(1, 'must be at least 1').default(300),
  clientAvoidMs: ms.default(2000),
});

const at = z.strictObject({ at: ms });
const mlSteps = [
  /** Re-route replication (e.g. around a failed node in a ring). */
  at.extend({ type: z.literal('set-topology'), topology }),
  /** Move a key's home leader (conflict avoidance after its datacenter failed). */
  at.extend({ type: z.literal('set-home'), key: z.string().min(1), leader: id }),
  /** Cut the network between groups of datacenters (their nodes and clients). */
  at.extend({
    type: z.literal('partition-dcs'),
    groups: z.array(z.array(id).min(1)).min(2, 'give at least two groups'),
  }),
  /** Every node of a datacenter goes down, or comes back. */
  at.extend({ type: z.literal('crash-dc'), dc: id }),
  at.extend({ type: z.literal('restart-dc'), dc: id }),
] as const;

export const multiLeaderScenarioSchema = scenarioSchema
  .omit({ protocol: true, cluster: true, topic: true, timeline: true })
  .extend({
    protocol: z.literal('multi-leader'),
    topic: z.string().min(1).default('multi-leader'),
    cluster: multiLeaderCluster,
    timeline: z.array(z.union([timelineStepSchema, ...mlSteps])).default([]),
  });

/** A validated multi-leader scenario, defaults filled in. */
export type MultiLeaderScenario = z.output<typeof multiLeaderScenarioSchema>;
export type MultiLeaderScenarioInput = z.input<typeof multiLeaderScenarioSchema>;
export type MultiLeaderTimelineStep = MultiLeaderScenario['timeline'][number];
export type TopologyInput = z.output<typeof topology>;

export function isMultiLeader(s: { protocol: string }): s is MultiLeaderScenario {
  return s.protocol === 'multi-leader';
}
