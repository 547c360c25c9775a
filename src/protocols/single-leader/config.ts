/**
 * Settings of a single-leader cluster. Times are virtual milliseconds. Defaults live in one
 * place, the scenario schema (scenarios/schema.ts).
 */
import type { ClientId, NodeId, ReadTarget } from '../../engine/types';
import type { LogFormatSettings } from './formats/settings';
import type { Partitioning } from './partitions';

/**
 * How a new follower gets the data it needs before serving reads: a consistent snapshot tied to
 * a log position (then the log after it), or a replay of the leader's whole log from position 1.
 */
export type BootstrapMethod = 'snapshot' | 'full-log';

/** How a follower's acknowledgement gates the client's ok. */
export type FollowerMode = 'sync' | 'async';

/**
 * Where a client sends its reads: the leader, any replica (at random), a follower (at random),
 * the followers in turn (`round-robin`, like a load balancer in front of read replicas), or one
 * named replica. With partitions, replicas and followers are those of the key's partition.
 */
export type ReadRouting = ReadTarget | 'follower' | 'round-robin';

/** Client settings that cure replication-lag anomalies (DDIA chapter 5). */
export interface Cures {
  /**
   * Read your own writes: `leader-for-own-keys` reads keys the user has written from the leader;
   * `leader-after-write` reads everything from the leader for `leaderWindowMs` after the user's
   * last write; `wait-for-position` sends the log position of the user's last write with each
   * read, and a replica not yet there redirects the read to the leader.
   */
  readYourWrites: 'off' | 'leader-for-own-keys' | 'leader-after-write' | 'wait-for-position';
  leaderWindowMs: number;
  /** Keep that metadata per user, shared by all their devices (`user@device`), not per device. */
  shareAcrossDevices: boolean;
  /** Monotonic reads: each user reads from one replica chosen by a hash of the user id. */
  monotonicReads: 'off' | 'pinned-replica';
  /**
   * Consistent prefix: writes carry the log positions they causally depend on, readers pick
   * them up, and a replica not yet at a position a read depends on redirects it to the leader.
   */
  consistentPrefix: 'off' | 'causal-reads';
  /** Bounded staleness: a follower not known to be this fresh (ms) redirects reads to the leader. */
  maxStalenessMs: number | null;
}

/** Every cure off: the defaults of a scenario's `cures`. */
export const NO_CURES: Cures = {
  readYourWrites: 'off',
  leaderWindowMs: 1000,
  shareAcrossDevices: true,
  monotonicReads: 'off',
  consistentPrefix: 'off',
  maxStalenessMs: null,
};

export interface SingleLeaderConfig {
  /** The leader at time 0. */
  leader: NodeId;
  /** The failover controller, or null for no automatic failover. */
  monitor: NodeId | null;
  /**
   * Mode per replica when it is a follower (the first leader may be listed too, for after a
   * failover); replicas not listed are asynchronous.
   */
  followers: Record<NodeId, FollowerMode>;
  /** Keep exactly one synchronous follower, replacing it when it stops acknowledging. */
  semiSync: boolean;
  /** Leader → followers heartbeats, and monitor → replicas pings. */
  heartbeatIntervalMs: number;
  /** The monitor declares the leader dead after hearing nothing for this long. */
  failureTimeoutMs: number;
  /** How long the monitor collects followers' log positions before choosing. */
  electionWaitMs: number;
  /** Fencing: a leader takes writes only while its lease from the monitor holds. */
  fencing: boolean;
  leaseMs: number;
  /** Semi-sync: replace the synchronous follower when it has not acknowledged for this long. */
  syncAckTimeoutMs: number;
  /** Entries per catch-up message. */
  catchUpBatch: number;
  /** Read routing for every client, unless overridden per client. */
  reads: ReadRouting;
  clientReads?: Record<ClientId, ReadRouting>;
  /** Partitioned data: absent for one group holding every key. */
  partitions?: Partitioning;
  /** Session settings against replication lag. */
  cures: Cures;
  /** How nodes added during the run bootstrap, unless their `add-node` input says otherwise. */
  bootstrap: BootstrapMethod;
  /**
   * Cascading replication: follower → the follower it replicates from (a chain or a tree). The
   * leader sends such a follower only heartbeats; its upstream relays the log.
   */
  upstreams: Record<NodeId, NodeId>;
  /** A follower whose fetch the leader does not answer in time asks a peer follower instead. */
  peerCatchUp: boolean;
  /**
   * A recovering leader (restarted, or newly promoted) refuses client writes until the followers
   * that answer it hold its whole log: the write barrier.
   */
  writeBarrier: boolean;
  /**
   * A newly promoted leader first asks the other followers for entries after its own last
   * position, and holds client writes until they answered (or `electionWaitMs` passed).
   */
  promotionCatchUp: boolean;
  /**
   * How statement writes are replicated (docs/log-formats.md). Absent: plain key-value writes
   * only, exactly as before formats existed; statements then travel as `logical`.
   */
  logFormat?: LogFormatSettings;
}

/** The in-depth settings off: snapshot bootstrap, no cascade, no peers, no barrier. */
export const DEPTH_DEFAULTS: Pick<
  SingleLeaderConfig,
  'bootstrap' | 'upstreams' | 'peerCatchUp' | 'writeBarrier' | 'promotionCatchUp'
> = {
  bootstrap: 'snapshot',
  upstreams: {},
  peerCatchUp: false,
  writeBarrier: false,
  promotionCatchUp: false,
};
