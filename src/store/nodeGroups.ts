/**
 * How a scenario groups its nodes for the picture: data partitions (each its own single-leader
 * group), and a multi-leader cluster's datacenters (a leader and its followers).
 */
import type { AnyScenario } from '../scenarios/leaderlessSchema';
import { datacenterMembers } from '../scenarios/multiLeaderRun';

export interface NodeGroup {
  id: string;
  label: string;
  members: readonly string[];
}

export function nodeGroups(scenario: AnyScenario): NodeGroup[] {
  if (scenario.protocol === 'multi-leader')
    return scenario.cluster.datacenters.map((dc) => ({
      id: dc.id,
      label: `Datacenter ${dc.id}`,
      members: [dc.leader, ...dc.followers],
    }));
  if (scenario.protocol !== 'single-leader') return [];
  return (scenario.cluster.partitions ?? []).map((p) => ({
    id: p.id,
    label: `Partition ${p.id}`,
    members: p.nodes,
  }));
}

/**
 * Multi-leader: each datacenter with every end in it (its nodes, and the clients it is nearest
 * to), what a partition between datacenters cuts apart. Empty for other families.
 */
export function datacenterEnds(scenario: AnyScenario): Array<{ id: string; ends: string[] }> {
  if (scenario.protocol !== 'multi-leader') return [];
  return [...datacenterMembers(scenario)].map(([id, ends]) => ({ id, ends: [...ends] }));
}
