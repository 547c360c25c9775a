/**
 * The consistency checker applied to a single-leader run: the final state it needs (which only
 * this layer, knowing the protocol, can build) and the anomalies of a finished run.
 */
import { checkHistory, type FinalState, type Finding } from '../checker';
import { nodeRuntime } from '../engine/endpoints';
import { historyOps } from '../engine/historyLog';
import type { NodeId, Value } from '../engine/types';
import { lastPos } from '../protocols/single-leader/log';
import {
  authoritativeReplicas,
  replicaGroups,
  type SingleLeaderSim,
} from '../protocols/single-leader/outcome';
import { partitionOfKey } from '../protocols/single-leader/partitions';
import type { Scenario } from './schema';

/**
 * The replicas' state at the end, as the checker needs it: the data of every replica that is up
 * and serving, the groups that must agree (one per partition), and which writes the
 * authoritative replicas' logs hold. Acknowledged writes at or before such a replica's snapshot
 * position are folded into the snapshot and cannot be checked.
 */
export function finalStateOf(sim: SingleLeaderSim): FinalState {
  const replicas: Record<NodeId, Record<string, Value>> = {};
  for (const id of sim.core.nodeIds) {
    const node = nodeRuntime(sim, id);
    if (node === undefined || !node.up || node.state.isMonitor) continue;
    if (node.state.lifecycle === 'bootstrapping') continue;
    replicas[id] = node.state.storage.data;
  }
  const partitions = sim.config.protocol.partitions;
  const truths = authoritativeReplicas(sim);
  const holds: number[] = [];
  const where: string[] = [];
  const snapshotPos = new Map<string, number>();
  for (const [partition, truth] of truths) {
    const storage = nodeRuntime(sim, truth)?.state.storage;
    if (storage === undefined) continue;
    for (const e of storage.log) holds.push(e.opId);
    snapshotPos.set(partition, storage.snapshotPos);
    where.push(`${truth}'s log (up to position ${lastPos(storage)})`);
  }
  const unknown = historyOps(sim.logs.history)
    .filter((h) => h.type === 'ok' && h.f === 'write')
    .filter((h) => {
      const cutoff = snapshotPos.get(partitionOfKey(partitions, h.key));
      return cutoff === undefined || Number(h.meta?.pos ?? 0) <= cutoff;
    })
    .map((h) => h.opId);
  const groups = replicaGroups(sim);
  if (truths.size === 0) return { replicas, groups };
  return { replicas, groups, durable: { where: where.join(' and '), holds, unknown } };
}

/** Every anomaly of a run, judged with the scenario's checker settings. */
export function runAnomalies(scenario: Scenario, sim: SingleLeaderSim): Finding[] {
  return checkHistory(historyOps(sim.logs.history), scenario.checker, finalStateOf(sim));
}
