/**
 * The consistency checker applied to a multi-leader run, as the single-leader report does
 * (`anomalies.ts`): the history's anomalies, and, from the final state, the leaders and
 * followers that are up but disagree. Lost writes are not checked here: a strategy's discarded
 * writes are reported by the outcome itself (`discarded`), with why each was lost.
 */
import { checkHistory, type FinalState, type Finding } from '../checker';
import { nodeRuntime } from '../engine/endpoints';
import type { NodeId, Value } from '../engine/types';
import type { MultiLeaderSim } from '../protocols/multi-leader/outcome';
import { readKey } from '../protocols/multi-leader/values';
import type { MultiLeaderScenario } from './multiLeaderSchema';

/**
 * What a read at each node that is up would return at the end, per key. The checker compares
 * values with `===`, so a value that is not a scalar (siblings, a set) is compared as its JSON.
 */
export function multiLeaderFinalState(sim: MultiLeaderSim): FinalState {
  const { conflicts } = sim.config.protocol;
  const replicas: Record<NodeId, Record<string, Value>> = {};
  for (const id of sim.core.nodeIds) {
    const node = nodeRuntime(sim, id);
    if (node === undefined || !node.up) continue;
    const data: Record<string, Value> = {};
    for (const [key, state] of Object.entries(node.state.data)) {
      const value = readKey(state, conflicts);
      data[key] = typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
    }
    replicas[id] = data;
  }
  return { replicas };
}

export function multiLeaderAnomalies(
  scenario: MultiLeaderScenario,
  sim: MultiLeaderSim,
): Finding[] {
  return checkHistory(sim.logs.history, scenario.checker, multiLeaderFinalState(sim));
}
