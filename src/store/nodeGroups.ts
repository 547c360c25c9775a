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
  /** Clients that belong with the group (a datacenter's nearby users), if it claims any. */
  clients?: readonly string[];
}

/**
 * How the picture arranges the groups: side by side, or on a ring with perhaps one in the
 * middle. A multi-leader cluster of three or more datacenters sits on a ring, so that its
 * replication topology looks like the chapter's figure 5-8; a star's hub sits in the middle.
 */
export interface GroupArrangement {
  ring: boolean;
  centre: string | null;
  /**
   * Each group's first member (a datacenter's leader) at the top of its frame, so the lines
   * between leaders run above the followers rather than through them.
   */
  firstOnTop: boolean;
}

export function groupArrangement(scenario: AnyScenario): GroupArrangement {
  if (scenario.protocol !== 'multi-leader') return { ring: false, centre: null, firstOnTop: false };
  if (scenario.cluster.datacenters.length < 3)
    return { ring: false, centre: null, firstOnTop: true };
  const { topology, datacenters } = scenario.cluster;
  const hub =
    typeof topology === 'object' && 'star' in topology
      ? (datacenters.find((dc) => dc.leader === topology.star)?.id ?? null)
      : null;
  return { ring: true, centre: hub, firstOnTop: true };
}

export function nodeGroups(scenario: AnyScenario): NodeGroup[] {
  if (scenario.protocol === 'multi-leader') {
    const ends = datacenterMembers(scenario);
    return scenario.cluster.datacenters.map((dc) => {
      const members = [dc.leader, ...dc.followers];
      return {
        id: dc.id,
        label: `Datacenter ${dc.id}`,
        members,
        clients: (ends.get(dc.id) ?? []).filter((e) => !members.includes(e)),
      };
    });
  }
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
