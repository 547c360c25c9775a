/**
 * Multi-leader operator steps from the fault panel: re-route replication (`set-topology`) and
 * move a key's home leader (`set-home`), built as the same per-leader commands the scenario's
 * timeline steps compile to (`scenarios/multiLeaderRun.ts`), so a person's step replays like a
 * scripted one. What a person typed is read here, and refused with a message naming the field.
 */
import type { NodeId, UntimedInput } from '../engine/types';
import type { Topology } from '../protocols/multi-leader/config';
import { leaderCommands } from '../scenarios/multiLeaderRun';

export type TopologyKind = Topology['kind'];

export type Built = { ok: true; inputs: UntimedInput[] } | { ok: false; message: string };

/** The label of the field that says which leaders a topology of this kind joins. */
export const topologyFieldLabel: Record<TopologyKind, string> = {
  'all-to-all': 'Leaders',
  circular: 'Ring order',
  star: 'Hub',
  custom: 'Links',
};

const listed = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function unknownLeader(label: string, ids: readonly string[], leaders: readonly NodeId[]) {
  const stranger = ids.find((id) => !leaders.includes(id));
  return stranger === undefined
    ? null
    : `${label}: "${stranger}" is not a leader (the leaders are ${leaders.join(', ')}).`;
}

/** The topology a person described: `kind`, and the text of the field for its leaders. */
export function readTopology(
  kind: TopologyKind,
  text: string,
  leaders: readonly NodeId[],
): { ok: true; topology: Topology } | { ok: false; message: string } {
  const label = topologyFieldLabel[kind];
  const fail = (message: string) => ({ ok: false as const, message });
  if (kind === 'all-to-all') return { ok: true, topology: { kind } };
  const ids = listed(kind === 'custom' ? text.replace(/->|>|→/g, ' > ') : text);
  if (ids.length === 0) return fail(`${label} is empty: ${topologyHint(kind)}.`);
  if (kind === 'star') {
    if (ids.length > 1) return fail(`${label}: name one leader, not ${ids.length}.`);
    const problem = unknownLeader(label, ids, leaders);
    return problem ? fail(problem) : { ok: true, topology: { kind, hub: ids[0] as NodeId } };
  }
  if (kind === 'circular') {
    const problem = unknownLeader(label, ids, leaders);
    if (problem) return fail(problem);
    if (ids.length < 2) return fail(`${label}: a ring needs at least two leaders.`);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) return fail(`${label}: "${twice}" appears twice in the ring.`);
    return { ok: true, topology: { kind, order: ids } };
  }
  return readLinks(label, ids, leaders);
}

function readLinks(label: string, tokens: readonly string[], leaders: readonly NodeId[]) {
  const links: [NodeId, NodeId][] = [];
  for (let i = 0; i < tokens.length; i += 3) {
    const [from, arrow, to] = tokens.slice(i, i + 3);
    if (arrow !== '>' || from === undefined || to === undefined || from === '>' || to === '>')
      return {
        ok: false as const,
        message: `${label}: write each link as "from > to", separated by commas.`,
      };
    const problem = unknownLeader(label, [from, to], leaders);
    if (problem) return { ok: false as const, message: problem };
    if (from === to)
      return { ok: false as const, message: `${label}: a link from "${from}" to itself.` };
    links.push([from, to]);
  }
  return { ok: true as const, topology: { kind: 'custom' as const, links } };
}

export function topologyHint(kind: TopologyKind): string {
  if (kind === 'circular') return 'type the leaders in ring order, e.g. n1, n3, n4';
  if (kind === 'star') return 'type the hub leader, e.g. n1';
  if (kind === 'custom') return 'type one-way links, e.g. n1 > n3, n3 > n1';
  return 'every leader sends to every other';
}

/** Every leader re-routes to `topology` now (a leader that is down takes it when it restarts). */
export function setTopologyInputs(leaders: readonly NodeId[], topology: Topology): UntimedInput[] {
  return leaderCommands(leaders, 'set-topology', { topology });
}

/** Every leader learns that `key` now lives at `leader`; refused with a message if unfit. */
export function setHomeInputs(leaders: readonly NodeId[], key: string, leader: NodeId): Built {
  if (key.trim() === '') return { ok: false, message: 'Key is empty: type the key to move.' };
  const problem = unknownLeader('Home leader', [leader], leaders);
  if (problem) return { ok: false, message: problem };
  return { ok: true, inputs: leaderCommands(leaders, 'set-home', { key: key.trim(), leader }) };
}
