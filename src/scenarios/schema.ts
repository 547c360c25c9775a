/**
 * The scenario file format (JSON), validated with zod. A scenario fixes everything about a run
 * except the seed and the user's own inputs: the cluster, the network, a timeline of faults and
 * client operations, narration, and the outcomes it promises. Documented in docs/scenarios.md.
 */
import { z } from 'zod';
import { ANOMALY_KINDS } from '../checker';
import { NO_CURES } from '../protocols/single-leader/config';
import { engineVersion, logFormatSchema } from './logFormatSchema';
import { randomFaultsSchema } from './randomFaults';

const id = z.string().regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "-" and "_" only');
/** A client id may name a user's device: `user-1@phone` (the checker groups devices by user). */
const clientId = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]+(@[A-Za-z0-9_-]+)?$/,
    'use letters, digits, "-" and "_", optionally followed by "@device"',
  );
/** Either end of a link: a node or a client. */
const endpoint = clientId;
const ms = z.number().int('must be a whole number of milliseconds').min(0, 'must be 0 or more');
const value = z.union([z.string(), z.number(), z.null()]);

const latency = z.strictObject({
  baseMs: ms,
  jitterMs: ms.default(0),
  distribution: z.enum(['uniform', 'exponential']).default('uniform'),
});

const dropRate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

const linkOverride = z.strictObject({
  from: endpoint,
  to: endpoint,
  oneWay: z.boolean().optional(),
  latency: latency.partial().optional(),
  dropRate: dropRate.optional(),
});

const readRouting = z.union([
  z.enum(['leader', 'any', 'follower', 'round-robin']),
  z.strictObject({ replica: id }),
]);

/** One partition of the data: its own replica group, leader and log. */
const partition = z.strictObject({
  id,
  leader: id,
  nodes: z.array(id).min(1, 'a partition needs at least one node'),
  /** Keys placed here; keys no partition lists are placed by a hash of the key. */
  keys: z.array(z.string().min(1)).default([]),
});

const bootstrapMethod = z.enum(['snapshot', 'full-log']);

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
  clientReads: z.record(clientId, readRouting).optional(),
  /** Partitioned data: each partition a single-leader group of its own. */
  partitions: z.array(partition).min(2, 'give at least two partitions, or none').optional(),
  /** How added nodes bootstrap unless their `add-node` step says (see docs/single-leader.md). */
  bootstrap: bootstrapMethod.default('snapshot'),
  /** Cascading replication: follower → the follower it replicates from. */
  upstreams: z.record(id, id).default({}),
  /** A follower the leader does not answer fetches from a peer follower. */
  peerCatchUp: z.boolean().default(false),
  /** A recovering leader refuses writes until its followers hold its log. */
  writeBarrier: z.boolean().default(false),
  /** A promoted leader fetches entries it lacks from the other followers before taking writes. */
  promotionCatchUp: z.boolean().default(false),
  /** How statement writes are replicated (docs/log-formats.md); absent: plain writes only. */
  logFormat: logFormatSchema.optional(),
});

/** Client session settings that cure replication-lag anomalies; each off by default. */
const cures = z
  .strictObject({
    readYourWrites: z
      .enum(['off', 'leader-for-own-keys', 'leader-after-write', 'wait-for-position'])
      .default('off'),
    leaderWindowMs: ms.default(1000),
    shareAcrossDevices: z.boolean().default(true),
    monotonicReads: z.enum(['off', 'pinned-replica']).default('off'),
    consistentPrefix: z.enum(['off', 'causal-reads']).default('off'),
    maxStalenessMs: ms.nullable().default(null),
  })
  .default(NO_CURES);

const at = z.strictObject({ at: ms });
const step = z.discriminatedUnion('type', [
  at.extend({ type: z.literal('write'), client: clientId, key: z.string().min(1), value }),
  at.extend({ type: z.literal('read'), client: clientId, key: z.string().min(1) }),
  at.extend({ type: z.literal('crash'), node: id }),
  at.extend({ type: z.literal('restart'), node: id }),
  at.extend({
    type: z.literal('partition'),
    groups: z.array(z.array(endpoint).min(1)).min(2),
  }),
  at.extend({
    type: z.literal('partition-oneway'),
    from: z.array(endpoint).min(1),
    to: z.array(endpoint).min(1),
  }),
  at.extend({ type: z.literal('heal') }),
  at.extend({
    type: z.literal('set-link'),
    from: endpoint,
    to: endpoint,
    oneWay: z.boolean().optional(),
    latency: latency.partial().optional(),
    dropRate: dropRate.optional(),
  }),
  at.extend({ type: z.literal('clock-skew'), node: id, skewMs: z.number().int() }),
  at.extend({ type: z.literal('add-node'), node: id, bootstrap: bootstrapMethod.optional() }),
  /** Cascading: `follower` replicates from `upstream` from now on (null: from the leader). */
  at.extend({ type: z.literal('set-upstream'), follower: id, upstream: id.nullable() }),
  /** Change a follower's mode at run time (every replica learns it, so it outlives failovers). */
  at.extend({ type: z.literal('set-mode'), follower: id, mode: z.enum(['sync', 'async']) }),
  /** Ask the monitor for a failover now (a planned switchover). */
  at.extend({ type: z.literal('failover') }),
  /** A write as a statement (docs/log-formats.md), e.g. `UPDATE t SET n = n + 1 WHERE id = 1`. */
  at.extend({ type: z.literal('statement'), client: clientId, sql: z.string().min(1) }),
  /** Switch a node to another storage-engine version (what WAL records are tied to). */
  at.extend({ type: z.literal('upgrade'), node: id, version: engineVersion }),
]);

/** A random workload drawn from the run's workload stream: reproducible per seed. */
const workload = z.strictObject({
  clients: z.array(clientId).min(1),
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

/** How many anomalies of one kind a run may have: exactly, or within bounds. */
const anomalyCount = z.union([
  z.number().int().min(0),
  z
    .strictObject({
      min: z.number().int().min(0).optional(),
      max: z.number().int().min(0).optional(),
    })
    .refine((b) => b.min !== undefined || b.max !== undefined, 'give min, max or both'),
]);

/**
 * Expected anomalies: `"none"` (no anomaly of any kind), or kind → count, e.g.
 * `{ "read-your-writes": { "min": 1 }, "monotonic-reads": 0 }`; kinds not named are not checked.
 */
const anomalyExpectations = z.union([
  z.literal('none'),
  z.partialRecord(z.enum(ANOMALY_KINDS), anomalyCount),
]);

/** Metric name → exact value or bounds; plus, under `anomalies`, what the checker must find. */
const expectations = z
  .object({ anomalies: anomalyExpectations.optional() })
  .catchall(bound)
  .default({});

/** Settings of the consistency checker for this scenario's runs. */
const checkerSettings = z
  .strictObject({
    /** Reads staler than this (ms) are reported as `stale-read`. */
    staleReadBoundMs: ms.default(0),
  })
  .default({ staleReadBoundMs: 0 });

export const scenarioSchema = z.strictObject({
  id,
  title: z.string().min(1),
  summary: z.string().min(1),
  topic: z.string().min(1).default('single-leader'),
  protocol: z.literal('single-leader').default('single-leader'),
  seed: z.number().int().min(0).default(1),
  durationMs: ms.min(1),
  cluster,
  clients: z.array(clientId).default([]),
  clientTimeoutMs: ms.min(1).default(1000),
  cures,
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
  /** Lag spikes and crashes drawn from the seed (see randomFaults.ts). */
  randomFaults: randomFaultsSchema.optional(),
  narration: z.array(narration).default([]),
  checker: checkerSettings,
  /** Outcomes over any seed: metric name → exact value, or bounds; expected anomalies. */
  expect: expectations,
});

/** A validated scenario, defaults filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written in a file (defaults may be omitted). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type TimelineStep = Scenario['timeline'][number];
/** A promised metric value: exact, or bounds. */
export type Expectation = z.output<typeof bound>;
export type ScenarioCures = Scenario['cures'];
export type AnomalyExpectations = z.output<typeof anomalyExpectations>;
/** Pieces other protocols' formats reuse: link latency, node and client ids. */
export const latencySchema = latency;
export const idSchema = id;
export const clientIdSchema = clientId;
/** The timeline step schema, for other protocols' formats to extend. */
export const timelineStepSchema = step;
