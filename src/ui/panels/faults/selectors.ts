/** Store selectors shared by the fault and client controls; strings and ids, cheap to compare. */
import type { ReplicaState } from '../../../store/store';

/** The selected node's id, if a node that exists now is selected. */
export const selectSelectedNodeId = (s: ReplicaState): string | null => {
  if (s.selection?.kind !== 'node') return null;
  const id = s.selection.id;
  return s.view.nodes.some((n) => n.id === id) ? id : null;
};

export const selectNodeIds = (s: ReplicaState) => s.view.nodes.map((n) => n.id);
export const selectClientIds = (s: ReplicaState) => s.view.clients.map((c) => c.id);
/** Nodes that hold data (not the failover monitor): where a read can go. */
export const selectReplicaIds = (s: ReplicaState) =>
  s.view.nodes.filter((n) => !n.isMonitor).map((n) => n.id);

/** Controls keyed by the scenario start afresh when it changes: its nodes and clients differ. */
export const selectScenarioId = (s: ReplicaState) => s.scenario.id;

/** The session's replication family: some controls (read routing, cures) are single-leader's. */
export const selectProtocol = (s: ReplicaState) => s.scenario.protocol;
