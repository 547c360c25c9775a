/**
 * The consistency checker applied to a single-leader run: the final state it needs (which only
 * this layer, knowing the protocol, can build) and the anomalies of a finished run.
 */
import { checkHistory, type FinalState, type Finding } from '../checker';
import type { NodeId, Value } from '../engine/types';
import { lastPos } from '../protocols/single-leader/log';
import { authoritativeReplica, type SingleLeaderSim } from '../protocols/single-leader/outcome';
import type { Scenario } from './schema';

/**
 * The replicas' state at the end, as the checker needs it: the data of every replica that is up
 * and serving, and which writes the authoritative replica's log holds. Acknowledged writes at or
 * before that replica's snapshot position are folded into the snapshot and cannot be checked.
 */
export function finalStateOf(sim: SingleLeaderSim): FinalState {
  const replicas: Record<NodeId, Record<string, Value>> = {};
  for (const id of sim.core.nodeIds) {
    const node = sim.core.nodes[id];
    if (node === undefined || !node.up || node.state.isMonitor) continue;
    if (node.state.lifecycle === 'bootstrapping') continue;
    replicas[id] = node.state.storage.data;
  }
  const truth = authoritativeReplica(sim);
  const storage = truth === null ? null : sim.core.nodes[truth]?.state.storage;
  if (truth === null || storage === undefined || storage === null) return { replicas };
  const unknown = sim.logs.history
    .filter(
      (h) => h.type === 'ok' && h.f === 'write' && Number(h.meta?.pos ?? 0) <= storage.snapshotPos,
    )
    .map((h) => h.opId);
  return {
    replicas,
    durable: {
      where: `${truth}'s log (up to position ${lastPos(storage)})`,
      holds: storage.log.map((e) => e.opId),
      unknown,
    },
  };
}

/** Every anomaly of a run, judged with the scenario's checker settings. */
export function runAnomalies(scenario: Scenario, sim: SingleLeaderSim): Finding[] {
  return checkHistory(sim.logs.history, scenario.checker, finalStateOf(sim));
}
