/**
 * The scenario format for a leaderless cluster (`"protocol": "leaderless"`): everything but the
 * cluster is the single-leader format's (network, timeline, workload, narration, expect), so the
 * two stay in step; the cluster holds the quorum and repair settings. Documented in
 * docs/scenarios.md.
 */
import { z } from 'zod';
import type { MultiLeaderScenario } from './multiLeaderSchema';
import { type Scenario, scenarioSchema, timelineStepSchema } from './schema';

const id = z.string().regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "-" and "_" only');
const ms = z.number().int('must be a whole number of milliseconds').min(0, 'must be 0 or more');
const count = z.number().int('must be a whole number').min(1, 'must be at least 1');

const coordinator = z.union([z.enum(['preferred', 'any', 'client']), z.strictObject({ node: id })]);

const leaderlessCluster = z.strictObject({
  nodes: z.array(id).min(1, 'a cluster needs at least one node'),
  n: count.default(3),
  w: count.default(2),
  r: count.default(2),
  vnodes: count.max(256, 'must be at most 256').default(8),
  coordinator: coordinator.default('preferred'),
  clientCoordinators: z.record(id, coordinator).optional(),
  conflicts: z.enum(['siblings', 'lww']).default('siblings'),
  values: z.enum(['register', 'set']).default('register'),
  readRepair: z.boolean().default(true),
  /** 0 turns anti-entropy off. */
  antiEntropyIntervalMs: ms.default(0),
  merkleLeaves: count.max(1024, 'must be at most 1024').default(8),
  sloppyQuorum: z.boolean().default(false),
  hintedHandoffIntervalMs: ms.min(1, 'must be at least 1').default(500),
  replicaTimeoutMs: ms.min(1, 'must be at least 1').default(200),
  clientAvoidMs: ms.default(2000),
});

/** Replace `node`'s data with a copy of `from`'s, as restoring a failed disk from another replica. */
const restoreStep = z.strictObject({ at: ms, type: z.literal('restore'), node: id, from: id });

export const leaderlessScenarioSchema = scenarioSchema
  .omit({ protocol: true, cluster: true, topic: true, timeline: true })
  .extend({
    protocol: z.literal('leaderless'),
    topic: z.string().min(1).default('leaderless'),
    cluster: leaderlessCluster,
    timeline: z.array(z.union([timelineStepSchema, restoreStep])).default([]),
  });

/** A validated leaderless scenario, defaults filled in. */
export type LeaderlessScenario = z.output<typeof leaderlessScenarioSchema>;
export type LeaderlessScenarioInput = z.input<typeof leaderlessScenarioSchema>;
export type LeaderlessTimelineStep = LeaderlessScenario['timeline'][number];

/** A scenario of any replication family, told apart by `protocol`. */
export type AnyScenario = Scenario | LeaderlessScenario | MultiLeaderScenario;

export function isLeaderless(s: AnyScenario): s is LeaderlessScenario {
  return s.protocol === 'leaderless';
}
