/**
 * The inspector's node and client details for single-leader replication: the node's latest log
 * entries with the acknowledged marker, a leader's view of each follower, and what a client
 * knows of the leader and where its reads go.
 */
import { nodeRuntime } from '../../engine/endpoints';
import type { NodeId } from '../../engine/types';
import type { SingleLeaderClient } from '../../protocols/single-leader/client';
import { describeChange } from '../../protocols/single-leader/formats/describe';
import { shippedPosOf } from '../../protocols/single-leader/formats/triggerShipping';
import { lastPos } from '../../protocols/single-leader/log';
import type { SingleLeaderSim } from '../../protocols/single-leader/outcome';
import { ackProgress, matchPos, type SingleLeaderNode } from '../../protocols/single-leader/state';
import {
  type ClientRouting,
  type FollowerProgress,
  LOG_SHOWN,
  type LogMarker,
  type NodeInspection,
} from '../inspect';

function leaderMarker(node: SingleLeaderNode): LogMarker | null {
  if (node.leader === null) return null;
  const waiting = node.leader.pending[0];
  const pos = waiting === undefined ? lastPos(node.storage) : waiting.pos - 1;
  return { pos, label: `acknowledged: nothing up to #${pos} waits for a follower` };
}

function followerMarker(
  sim: SingleLeaderSim,
  id: NodeId,
  node: SingleLeaderNode,
): LogMarker | null {
  const leader = node.leaderId === null ? undefined : nodeRuntime(sim, node.leaderId);
  const volatile = leader?.up ? leader.state.leader : null;
  const pos = volatile ? ackProgress(volatile, id)?.matchPos : undefined;
  if (pos === undefined || pos === 0) return null;
  return { pos, label: `acknowledged to ${node.leaderId}: up to #${pos}` };
}

function followerProgress(sim: SingleLeaderSim, node: SingleLeaderNode): FollowerProgress[] {
  const leader = node.leader;
  if (leader === null) return [];
  // Whom a write waits for (as the leader's requiredAcks decides it).
  const required = (f: NodeId) =>
    sim.config.protocol.semiSync ? leader.syncFollower === f : node.modes[f] === 'sync';
  return sim.core.nodeIds
    .filter((f) => f !== node.id && !nodeRuntime(sim, f)?.state.isMonitor)
    .map((f) => {
      return {
        id: f,
        matchPos: matchPos(leader, f),
        lastAckAt: ackProgress(leader, f)?.lastAckAt ?? null,
        required: required(f),
      };
    });
}

export function inspectSingleLeaderNode(sim: SingleLeaderSim, id: NodeId): NodeInspection | null {
  const runtime = nodeRuntime(sim, id);
  if (runtime === undefined) return null;
  const node = runtime.state;
  const log = node.storage.log.slice(-LOG_SHOWN).map((e) => ({
    pos: e.pos,
    epoch: e.epoch,
    key: e.key,
    value: e.value,
    client: e.client,
    appendedAt: e.appendedAt,
    ...(e.change === undefined ? {} : { format: describeChange(e.change) }),
  }));
  const isLeader = node.role === 'leader' && runtime.up;
  let marker: LogMarker | null = null;
  if (!node.isMonitor) marker = isLeader ? leaderMarker(node) : followerMarker(sim, id, node);
  return {
    kind: 'node',
    id,
    log,
    snapshotPos: node.storage.snapshotPos,
    marker,
    followers: isLeader ? followerProgress(sim, node) : [],
    copies: [],
    hints: [],
    ...formatFacts(node),
    ...(isLeader ? changesTableFacts(sim, node) : {}),
  };
}

/** Trigger-based replication: how far the separate process has shipped the changes table. */
function changesTableFacts(
  sim: SingleLeaderSim,
  node: SingleLeaderNode,
): Pick<NodeInspection, 'formatNote'> {
  const config = sim.config.protocol;
  if (config.logFormat?.format !== 'trigger') return {};
  const shipped = shippedPosOf(node, config);
  const waiting = lastPos(node.storage) - shipped;
  return {
    formatNote: `Changes table: the replication process has shipped up to #${shipped}${waiting > 0 ? `; ${waiting} waiting` : ''}.`,
  };
}

/** Log formats: the storage-engine version, and why replication stopped if it did. */
function formatFacts(
  node: SingleLeaderNode,
): Pick<NodeInspection, 'engineVersion' | 'formatProblem'> {
  const f = node.formats;
  if (f === undefined) return {};
  const blocked = f.blocked;
  if (blocked === null || blocked.pos <= lastPos(node.storage))
    return { engineVersion: f.engineVersion };
  const formatProblem = `Replication stopped at #${blocked.pos}: ${blocked.reason}.`;
  return { engineVersion: f.engineVersion, formatProblem };
}

/** The leader a client believes in; with partitioned data, one per partition. */
function leaderHintText(hints: Record<string, string>): string | null {
  const entries = Object.entries(hints);
  if (entries.length === 0) return null;
  if (entries.length === 1) return (entries[0] as [string, string])[1];
  return entries.map(([partition, leader]) => `${partition}: ${leader}`).join(', ');
}

export function singleLeaderClientRouting(client: SingleLeaderClient): ClientRouting {
  const { reads } = client;
  return {
    leaderHint: leaderHintText(client.leaderHints),
    reads: typeof reads === 'string' ? reads : `replica ${reads.replica}`,
  };
}
