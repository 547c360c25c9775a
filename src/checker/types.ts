/**
 * What the checker reports and what it is told. Plain data only: a finding names operations by
 * their `opId` (the id an operation's invoke and completion share in the history).
 */
import type { NodeId, Value } from '../engine/types';

/**
 * The anomalies the checker finds as the history grows (`feedChecker`, `checkHistory`) or from
 * the final state, in the order the report lists them.
 */
export const ANOMALY_KINDS = [
  'read-your-writes',
  'monotonic-reads',
  'monotonic-writes',
  'writes-follow-reads',
  'consistent-prefix',
  'causal',
  'stale-read',
  'lost-write',
  'divergence',
] as const;

export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/**
 * Every kind of finding: the anomalies, and a violation of linearizability, which needs a
 * search over the whole history (`checkLinearizable`) and so is not judged live.
 */
export const FINDING_KINDS = [...ANOMALY_KINDS, 'linearizability'] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

/** One anomaly: its kind, the operations involved (by `opId`), and one plain sentence. */
export interface Finding {
  kind: FindingKind;
  /** Operation ids, in the order the explanation names them. */
  ops: number[];
  explanation: string;
  /** Stale reads only: how long the value read had already been superseded, in ms. */
  stalenessMs?: number;
}

export interface CheckerOptions {
  /** A read is reported as `stale-read` only when it is staler than this (ms). */
  staleReadBoundMs: number;
}

export const DEFAULT_CHECKER_OPTIONS: CheckerOptions = { staleReadBoundMs: 0 };

/**
 * The state of the replicas once the system has quiesced, for the checks that need it. The
 * caller (who knows the protocol) builds it; the checker never reads protocol state itself.
 */
export interface FinalState {
  /** Data of every replica that is up and serving at the end. */
  replicas: Record<NodeId, Record<string, Value>>;
  /**
   * Groups of replicas that must end up holding the same data (one group per partition).
   * Default: all replicas form one group.
   */
  groups?: NodeId[][];
  /**
   * Which acknowledged writes the final authoritative state still holds. Without it, lost
   * writes are not checked.
   */
  durable?: {
    /** The replica(s) whose state counts as the truth, for the explanation. */
    where: string;
    /** Ids of the write operations it holds. */
    holds: Iterable<number>;
    /** Ids of writes it cannot tell about (e.g. folded into a snapshot): never reported. */
    unknown?: Iterable<number>;
  };
}
