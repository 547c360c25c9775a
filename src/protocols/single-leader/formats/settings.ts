/**
 * Replication log formats (DDIA chapter 5, "Implementation of Replication Logs"): what a
 * single-leader cluster's leader ships for a statement write, and the per-cluster settings.
 * Plain key-value writes travel the same way in every format; statements show the differences.
 */
import type { NodeId } from '../../../engine/types';
import type { RowChange, Trigger } from '../../shared/statements';

/**
 * `statement`: the statement text, re-executed by each follower. `wal`: low-level page writes
 * tied to the storage-engine version. `logical`: row images with transaction boundaries.
 * `trigger`: rows a trigger put in a changes table, shipped by a separate replication process.
 */
export type LogFormat = 'statement' | 'wal' | 'logical' | 'trigger';

export const LOG_FORMATS: readonly LogFormat[] = ['statement', 'wal', 'logical', 'trigger'];

export interface LogFormatSettings {
  format: LogFormat;
  /** Statement-based: the leader ships the values it used for NOW() and a seed for RAND(). */
  substituteNondeterministic: boolean;
  /** Storage-engine version per node (`v1` for nodes not listed); WAL records name theirs. */
  engineVersions: Record<NodeId, string>;
  /** Database triggers (e.g. an audit row on every update), installed on `nodes` or everywhere. */
  triggers: Array<Trigger & { nodes?: NodeId[] }>;
  /** Trigger-based: the replication process ships a change once it is this old (ms). */
  triggerDelayMs: number;
  /** Trigger-based filter: only these tables are replicated (all when null). */
  triggerTables: string[] | null;
  /** Trigger-based transform: these columns are left out of what is shipped. */
  triggerOmitColumns: string[];
}

/** Defaults for every field but the format. */
export const DEFAULT_FORMAT_SETTINGS: Omit<LogFormatSettings, 'format'> = {
  substituteNondeterministic: false,
  engineVersions: {},
  triggers: [],
  triggerDelayMs: 300,
  triggerTables: null,
  triggerOmitColumns: [],
};

/** A cluster that names no format replicates statements as logical (row-based) records. */
export const DEFAULT_LOG_FORMAT: LogFormatSettings = {
  format: 'logical',
  ...DEFAULT_FORMAT_SETTINGS,
};

/** NOW() and the RAND() seed the leader used, shipped with a statement when substituting. */
export interface FixedValues {
  now: number;
  randSeed: number;
}

/** One page write: which bytes of which page changed. */
export interface WalRecord {
  page: number;
  offset: number;
  /** Hex, laid out the way the named engine version writes it. */
  bytes: string;
}

/** What a log entry of a statement write carries, by format. */
export type FormatChange =
  | { format: 'statement'; sql: string; fixed?: FixedValues }
  | { format: 'wal'; engine: string; records: WalRecord[] }
  /** One transaction: BEGIN tx, its row images in order, COMMIT tx. */
  | { format: 'logical'; tx: number; changes: RowChange[] }
  /** Rows of the leader's changes table, after the replication process's filter and transform. */
  | { format: 'trigger'; changes: RowChange[] };

/** A replica's durable format state. */
export interface FormatNodeState {
  engineVersion: string;
  /** Trigger-based: the last position the replication process has shipped. */
  shippedPos: number;
  /** WAL: the entry this follower cannot apply, and why (reported once); null when none. */
  blocked: { pos: number; reason: string } | null;
}

export function initialFormatState(id: NodeId, settings: LogFormatSettings): FormatNodeState {
  return { engineVersion: settings.engineVersions[id] ?? 'v1', shippedPos: 0, blocked: null };
}

/** The triggers installed on `node`. */
export function triggersOn(settings: LogFormatSettings, node: NodeId): Trigger[] {
  return settings.triggers.filter((t) => t.nodes === undefined || t.nodes.includes(node));
}
