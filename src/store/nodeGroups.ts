/**
 * How a scenario groups its nodes for the picture: today, data partitions (each its own
 * single-leader group); datacenters will group the same way.
 */
import type { AnyScenario } from '../scenarios/leaderlessSchema';

export interface NodeGroup {
  id: string;
  label: string;
  members: readonly string[];
}

export function nodeGroups(scenario: AnyScenario): NodeGroup[] {
  if (scenario.protocol !== 'single-leader') return [];
  return (scenario.cluster.partitions ?? []).map((p) => ({
    id: p.id,
    label: `Partition ${p.id}`,
    members: p.nodes,
  }));
}
