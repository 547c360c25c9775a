/**
 * The built-in scenario library, in the order a newcomer should meet them.
 */
import type { AnyScenario } from '../leaderlessSchema';
import type { Scenario } from '../schema';
import { parseScenario } from '../validate';
import { parseAnyScenario } from '../validateLeaderless';
import addFollower from './add-follower.json';
import antiEntropy from './anti-entropy.json';
import bootstrapSnapshotVsFullLog from './bootstrap-snapshot-vs-full-log.json';
import boundedStaleness from './bounded-staleness.json';
import boundedStalenessCured from './bounded-staleness-cured.json';
import cascadingFollowers from './cascading-followers.json';
import clientCoordinatedQuorum from './client-coordinated-quorum.json';
import concurrentWritesSiblings from './concurrent-writes-siblings.json';
import consistentPrefix from './consistent-prefix.json';
import consistentPrefixCured from './consistent-prefix-cured.json';
import failedWriteNotRolledBack from './failed-write-not-rolled-back.json';
import failoverLosesAsyncWrites from './failover-loses-async-writes.json';
import followerCrashCatchUp from './follower-crash-catch-up.json';
import githubAutoincrementReuse from './github-autoincrement-reuse.json';
import guaranteesAsyncFollowers from './guarantees-async-followers.json';
import guaranteesCureBoundedStaleness from './guarantees-cure-bounded-staleness.json';
import guaranteesCureConsistentPrefix from './guarantees-cure-consistent-prefix.json';
import guaranteesCureMonotonicReads from './guarantees-cure-monotonic-reads.json';
import guaranteesCureReadYourWrites from './guarantees-cure-read-your-writes.json';
import guaranteesLeaderSync from './guarantees-leader-sync.json';
import guaranteesStrictQuorum from './guarantees-strict-quorum.json';
import hintedHandoff from './hinted-handoff.json';
import lagSpikeNeedlessFailover from './lag-spike-needless-failover.json';
import logicalAutoincrementOrder from './logical-autoincrement-order.json';
import logicalRollingUpgrade from './logical-rolling-upgrade.json';
import logicalTriggerSideEffect from './logical-trigger-side-effect.json';
import lwwClockSkew from './lww-clock-skew.json';
import mlChatRooms from './ml-chat-rooms.json';
import mlCollaborativeEditing from './ml-collaborative-editing.json';
import mlConflictAvoidance from './ml-conflict-avoidance.json';
import mlCrdtCounter from './ml-crdt-counter.json';
import mlCrdtSet from './ml-crdt-set.json';
import mlDatacenterOutage from './ml-datacenter-outage.json';
import mlInterDcPartition from './ml-inter-dc-partition.json';
import mlOfflineCalendar from './ml-offline-calendar.json';
import mlRingNodeFails from './ml-ring-node-fails.json';
import mlStarHubFails from './ml-star-hub-fails.json';
import mlTwoDatacenters from './ml-two-datacenters.json';
import mlUpdateOvertakesInsert from './ml-update-overtakes-insert.json';
import mlUpdateOvertakesInsertCured from './ml-update-overtakes-insert-cured.json';
import mlWikiTitleHighestReplica from './ml-wiki-title-highest-replica.json';
import mlWikiTitleLww from './ml-wiki-title-lww.json';
import mlWikiTitleMerge from './ml-wiki-title-merge.json';
import monotonicReads from './monotonic-reads.json';
import monotonicReadsCured from './monotonic-reads-cured.json';
import peerCatchUp from './peer-catch-up.json';
import promotionWithCatchUp from './promotion-with-catch-up.json';
import promotionWithoutCatchUp from './promotion-without-catch-up.json';
import quorumOverlap from './quorum-overlap.json';
import quorumReadRepair from './quorum-read-repair.json';
import readYourWrites from './read-your-writes.json';
import readYourWritesCured from './read-your-writes-cured.json';
import recoveringLeaderBarrier from './recovering-leader-barrier.json';
import restoredFromStaleReplica from './restored-from-stale-replica.json';
import semiSync from './semi-sync.json';
import shoppingCartSiblings from './shopping-cart-siblings.json';
import sloppyQuorumStaleRead from './sloppy-quorum-stale-read.json';
import smallQuorumStaleRead from './small-quorum-stale-read.json';
import splitBrainFenced from './split-brain-fenced.json';
import splitBrainNoFencing from './split-brain-no-fencing.json';
import statementAutoincrementOrder from './statement-autoincrement-order.json';
import statementNondeterminism from './statement-nondeterminism.json';
import statementNondeterminismSubstituted from './statement-nondeterminism-substituted.json';
import statementTriggerSideEffect from './statement-trigger-side-effect.json';
import syncVsAsync from './sync-vs-async.json';
import triggerBasedFiltered from './trigger-based-filtered.json';
import walUpgradeNeedsDowntime from './wal-upgrade-needs-downtime.json';
import writeConcurrentWithRead from './write-concurrent-with-read.json';

const sources: unknown[] = [
  syncVsAsync,
  semiSync,
  followerCrashCatchUp,
  addFollower,
  bootstrapSnapshotVsFullLog,
  peerCatchUp,
  cascadingFollowers,
  failoverLosesAsyncWrites,
  splitBrainNoFencing,
  splitBrainFenced,
  lagSpikeNeedlessFailover,
  recoveringLeaderBarrier,
  promotionWithoutCatchUp,
  promotionWithCatchUp,
  readYourWrites,
  readYourWritesCured,
  monotonicReads,
  monotonicReadsCured,
  consistentPrefix,
  consistentPrefixCured,
  boundedStaleness,
  boundedStalenessCured,
  // Replication log formats (docs/log-formats.md)
  statementNondeterminism,
  statementNondeterminismSubstituted,
  statementAutoincrementOrder,
  logicalAutoincrementOrder,
  statementTriggerSideEffect,
  logicalTriggerSideEffect,
  walUpgradeNeedsDowntime,
  logicalRollingUpgrade,
  triggerBasedFiltered,
  githubAutoincrementReuse,
  // The guarantee table's presets (see guarantees.ts): same cluster, workload and faults.
  guaranteesLeaderSync,
  guaranteesAsyncFollowers,
  guaranteesCureReadYourWrites,
  guaranteesCureMonotonicReads,
  guaranteesCureConsistentPrefix,
  guaranteesCureBoundedStaleness,
];

function load(source: unknown): Scenario {
  const result = parseScenario(source);
  if (!result.ok) throw new Error(`built-in scenario is invalid:\n${result.errors.join('\n')}`);
  return result.scenario;
}

/** Every built-in scenario, validated. */
export const builtinScenarios: readonly Scenario[] = sources.map(load);

export function findBuiltin(id: string): Scenario | undefined {
  return builtinScenarios.find((s) => s.id === id);
}

/** Leaderless scenarios, in the order a newcomer should meet them. */
const leaderlessSources: unknown[] = [
  quorumReadRepair,
  quorumOverlap,
  smallQuorumStaleRead,
  failedWriteNotRolledBack,
  writeConcurrentWithRead,
  restoredFromStaleReplica,
  concurrentWritesSiblings,
  shoppingCartSiblings,
  lwwClockSkew,
  sloppyQuorumStaleRead,
  hintedHandoff,
  antiEntropy,
  clientCoordinatedQuorum,
  guaranteesStrictQuorum,
];

/** Multi-leader scenarios, in the order a newcomer should meet them. */
const multiLeaderSources: unknown[] = [
  mlTwoDatacenters,
  mlWikiTitleLww,
  mlWikiTitleMerge,
  mlWikiTitleHighestReplica,
  mlInterDcPartition,
  mlDatacenterOutage,
  mlOfflineCalendar,
  mlConflictAvoidance,
  mlUpdateOvertakesInsert,
  mlUpdateOvertakesInsertCured,
  mlRingNodeFails,
  mlStarHubFails,
  mlCrdtCounter,
  mlCrdtSet,
  mlCollaborativeEditing,
  mlChatRooms,
];

function loadAny(source: unknown): AnyScenario {
  const result = parseAnyScenario(source);
  if (!result.ok) throw new Error(`built-in scenario is invalid:\n${result.errors.join('\n')}`);
  return result.scenario;
}

/**
 * Every built-in scenario of every protocol: the single-leader ones first. (`builtinScenarios`
 * holds only the single-leader ones, which is what the store can run so far.)
 */
export const allBuiltinScenarios: readonly AnyScenario[] = [
  ...builtinScenarios,
  ...leaderlessSources.map(loadAny),
  ...multiLeaderSources.map(loadAny),
];

export function findAnyBuiltin(id: string): AnyScenario | undefined {
  return allBuiltinScenarios.find((s) => s.id === id);
}
