/**
 * The scenario file format (JSON), validated with zod. A scenario fixes everything about a run
 * except the seed and the user's own inputs: the cluster, the network, a timeline of faults and
 * client operations, narration, and the outcomes it promises. Documented in docs/scenarios.md.
 */
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "-" and "_" only');
const ms = z.number().int('must be a whole number of milliseconds').min(0, 'must be 0 or more');
const value = z.union([z.string(), z.number(), z.null()]);

const latency = z.strictObject({
  baseMs: ms,
  jitterMs: ms.default(0),
  distribution: z.enum(['uniform', 'exponential']).default('uniform'),
});

const dropRate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

const linkOverride = z.strictObject({
  from: id,
  to: id,
  oneWay: z.boolean().optional(),
  latency: latency.partial().optional(),
  dropRate: dropRate.optional(),
});

const readRouting = z.union([z.enum(['leader', 'any']), z.strictObject({ replica: id })]);

const cluster = z.strictObject({
  nodes: z.array(id).min(1, 'a cluster needs at least one node'),
  leader: id,
  monitor: id.nullable().default('monitor'),
  followers: z.record(id, z.enum(['sync', 'async'])).default({}),
  semiSync: z.boolean().default(false),
  heartbeatIntervalMs: ms.min(1).default(100),
  failureTimeoutMs: ms.min(1).default(500),
  electionWaitMs: ms.min(1).default(100),
  fencing: z.boolean().default(true),
  leaseMs: ms.min(1).default(300),
  syncAckTimeoutMs: ms.min(1).default(300),
  catchUpBatch: z.number().int().min(1).default(50),
  reads: readRouting.default('leader'),
  clientReads: z.record(id, readRouting).optional(),
});

const at = z.strictObject({ at: ms });
const step = z.discriminatedUnion('type', [
  at.extend({ type: z.literal('write'), client: id, key: z.string().min(1), value }),
  at.extend({ type: z.literal('read'), client: id, key: z.string().min(1) }),
  at.extend({ type: z.literal('crash'), node: id }),
  at.extend({ type: z.literal('restart'), node: id }),
  at.extend({ type: z.literal('partition'), groups: z.array(z.array(id).min(1)).min(2) }),
  at.extend({
    type: z.literal('partition-oneway'),
    from: z.array(id).min(1),
    to: z.array(id).min(1),
  }),
  at.extend({ type: z.literal('heal') }),
  at.extend({
    type: z.literal('set-link'),
    from: id,
    to: id,
    oneWay: z.boolean().optional(),
    latency: latency.partial().optional(),
    dropRate: dropRate.optional(),
  }),
  at.extend({ type: z.literal('clock-skew'), node: id, skewMs: z.number().int() }),
  at.extend({ type: z.literal('add-node'), node: id }),
  /** Change a follower's mode at run time (every replica learns it, so it outlives failovers). */
  at.extend({ type: z.literal('set-mode'), follower: id, mode: z.enum(['sync', 'async']) }),
  /** Ask the monitor for a failover now (a planned switchover). */
  at.extend({ type: z.literal('failover') }),
]);

/** A random workload drawn from the run's workload stream: reproducible per seed. */
const workload = z.strictObject({
  clients: z.array(id).min(1),
  fromMs: ms.default(0),
  toMs: ms,
  /** Mean gap between one client's operations. */
  meanGapMs: ms.min(1),
  keys: z.array(z.string().min(1)).min(1),
  /** Share of operations that are writes, in [0, 1]. */
  writeRatio: z.number().min(0).max(1).default(0.5),
});

const narration = z.strictObject({
  at: ms,
  title: z.string().min(1),
  text: z.string().min(1),
});

const bound = z.union([
  z.number(),
  z.boolean(),
  z
    .strictObject({ min: z.number().optional(), max: z.number().optional() })
    .refine((b) => b.min !== undefined || b.max !== undefined, 'give min, max or both'),
]);

export const scenarioSchema = z.strictObject({
  id,
  title: z.string().min(1),
  summary: z.string().min(1),
  topic: z.string().min(1).default('single-leader'),
  protocol: z.literal('single-leader').default('single-leader'),
  seed: z.number().int().min(0).default(1),
  durationMs: ms.min(1),
  cluster,
  clients: z.array(id).default([]),
  clientTimeoutMs: ms.min(1).default(1000),
  clientMaxRedirects: z.number().int().min(0).default(3),
  network: z
    .strictObject({
      latency: latency.default({ baseMs: 5, jitterMs: 5, distribution: 'uniform' }),
      dropRate: dropRate.default(0),
      links: z.array(linkOverride).default([]),
    })
    .default({
      latency: { baseMs: 5, jitterMs: 5, distribution: 'uniform' },
      dropRate: 0,
      links: [],
    }),
  clockSkewMs: z.record(id, z.number().int()).default({}),
  timeline: z.array(step).default([]),
  workload: workload.optional(),
  narration: z.array(narration).default([]),
  /** Outcomes over any seed: metric name → exact value, or bounds. */
  expect: z.record(z.string(), bound).default({}),
});

/** A validated scenario, defaults filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written in a file (defaults may be omitted). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type TimelineStep = Scenario['timeline'][number];
export type Expectation = Scenario['expect'][string];
/** The timeline step schema, for other protocols' formats to extend. */
export const timelineStepSchema = step;
