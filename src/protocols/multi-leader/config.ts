/**
 * Settings of a multi-leader cluster: datacenters (one leader each, maybe followers), the
 * replication topology between the leaders, how concurrent writes to one key are resolved, and
 * what kind of value a key holds. Defaults live in the scenario schema
 * (scenarios/multiLeaderSchema.ts); the rules that relate the pieces live here.
 */
import type { ClientId, NodeId } from '../../engine/types';

/**
 * Which leader sends its changes to which. `all-to-all`: every leader to every other, nobody
 * relays. `circular`: each to the next in `order` (one way), which relays. `star`: the hub to
 * every leaf and every leaf to the hub, which relays. `custom`: the listed one-way links.
 */
export type Topology =
  | { kind: 'all-to-all' }
  | { kind: 'circular'; order: NodeId[] }
  | { kind: 'star'; hub: NodeId }
  | { kind: 'custom'; links: [NodeId, NodeId][] };

/** A handler the database runs when it finds a conflict (Bucardo-style, on write). */
export type CustomHandler = 'keep-larger' | 'concatenate';

/**
 * How concurrent writes to one key converge. `lww`: highest timestamp (the origin leader's local
 * clock) wins, the others are discarded; `highest-replica`: the write from the leader with the
 * highest id wins; `merge`: the value becomes every concurrent value joined (`B/C`); `siblings`:
 * all are kept and a read returns them, for the application to resolve with its next write;
 * `custom`: one of the handlers above; `home-leader`: each key is written only at its home leader,
 * so conflicts are avoided (should one happen after a re-homing, last write wins).
 */
export type ConflictStrategy =
  | 'lww'
  | 'highest-replica'
  | 'merge'
  | 'siblings'
  | 'home-leader'
  | { custom: CustomHandler };

/**
 * What a key holds. `register`: a plain value, conflicts resolved by the strategy. The CRDTs
 * converge by construction: `counter` (writes are numbers to add), `set` (an observed-remove set:
 * `item` adds, `-item` removes), `text` (RGA over characters: `+POS:TEXT` inserts, `-POS:LEN`
 * deletes, anything else appends) and `list` (RGA over items: each write appends one item).
 */
export type ValueKind = 'register' | 'counter' | 'set' | 'text' | 'list';

export interface Datacenter {
  id: string;
  leader: NodeId;
  followers: NodeId[];
  /** Clients for which this is the nearest datacenter. */
  clients: ClientId[];
}

export interface MultiLeaderConfig {
  datacenters: Datacenter[];
  topology: Topology;
  conflicts: ConflictStrategy;
  values: ValueKind;
  /** Causal delivery: a change waits until every change its origin had applied is applied. */
  versionVectors: boolean;
  /** Home leader per key (conflict avoidance); keys not listed belong to the first datacenter. */
  homes: Record<string, NodeId>;
  /** A change not acknowledged within this long is sent again. */
  retryMs: number;
  /** After timing out on a leader, a client tries the next datacenter for this long. */
  clientAvoidMs: number;
}

export function leadersOf(config: Pick<MultiLeaderConfig, 'datacenters'>): NodeId[] {
  return config.datacenters.map((dc) => dc.leader);
}

/** The leaders `leader` sends its changes to under `topology`. */
export function topologyTargets(
  topology: Topology,
  leaders: readonly NodeId[],
  leader: NodeId,
): NodeId[] {
  switch (topology.kind) {
    case 'all-to-all':
      return leaders.filter((l) => l !== leader);
    case 'circular': {
      const at = topology.order.indexOf(leader);
      if (at < 0 || topology.order.length < 2) return [];
      return [topology.order[(at + 1) % topology.order.length] as NodeId];
    }
    case 'star':
      if (leader === topology.hub) return leaders.filter((l) => l !== leader);
      return leaders.includes(topology.hub) ? [topology.hub] : [];
    case 'custom':
      return topology.links.filter(([from]) => from === leader).map(([, to]) => to);
  }
}

/** Do leaders pass on changes they received from others? Not in all-to-all: origins send to all. */
export function relays(topology: Topology): boolean {
  return topology.kind !== 'all-to-all';
}

/** The topology's mistakes, as `path: message` lines (empty when fine). */
export function topologyErrors(topology: Topology, leaders: readonly NodeId[], path: string) {
  const errors: string[] = [];
  const known = new Set(leaders);
  const need = (where: string, id: NodeId) => {
    if (!known.has(id)) errors.push(`${where}: "${id}" is not a leader`);
  };
  if (topology.kind === 'circular') {
    topology.order.forEach((id, i) => {
      need(`${path}.circular[${i}]`, id);
    });
    if (new Set(topology.order).size !== topology.order.length)
      errors.push(`${path}.circular: a leader appears twice in the ring`);
  }
  if (topology.kind === 'star') need(`${path}.star`, topology.hub);
  if (topology.kind === 'custom') {
    topology.links.forEach(([from, to], i) => {
      need(`${path}.custom[${i}][0]`, from);
      need(`${path}.custom[${i}][1]`, to);
      if (from === to) errors.push(`${path}.custom[${i}]: a link from "${from}" to itself`);
    });
  }
  return errors;
}

export function strategyLabel(strategy: ConflictStrategy): string {
  return typeof strategy === 'object' ? `custom:${strategy.custom}` : strategy;
}
