/**
 * Cross-field rules of a multi-leader scenario: ids unique across datacenters, every name a
 * step or setting uses known, a topology over leaders only. Each message names its field.
 */
import { topologyErrors } from '../protocols/multi-leader/config';
import { topologyOf } from './multiLeaderRun';
import {
  type MultiLeaderScenario,
  type MultiLeaderTimelineStep,
  multiLeaderScenarioSchema,
} from './multiLeaderSchema';
import { randomFaultErrors } from './randomFaults';
import { zodMessages } from './validate';

export type MultiLeaderParseResult =
  | { ok: true; scenario: MultiLeaderScenario }
  | { ok: false; errors: string[] };

export function parseMultiLeaderScenario(input: unknown): MultiLeaderParseResult {
  const parsed = multiLeaderScenarioSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodMessages(parsed.error) };
  const errors = multiLeaderErrors(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: parsed.data };
}

interface Names {
  leaders: Set<string>;
  nodes: Set<string>;
  clients: Set<string>;
  dcs: Set<string>;
  endpoints: Set<string>;
}

function clusterErrors(s: MultiLeaderScenario, fail: (p: string, m: string) => void): Names {
  const { datacenters } = s.cluster;
  const seen = new Set<string>();
  const dcs = new Set<string>();
  const dcClients = new Set<string>();
  datacenters.forEach((dc, i) => {
    if (dcs.has(dc.id)) fail(`cluster.datacenters[${i}].id`, `"${dc.id}" is used twice`);
    dcs.add(dc.id);
    [dc.leader, ...dc.followers].forEach((n, j) => {
      const path = j === 0 ? 'leader' : `followers[${j - 1}]`;
      if (seen.has(n)) fail(`cluster.datacenters[${i}].${path}`, `node "${n}" is used twice`);
      seen.add(n);
    });
    dc.clients.forEach((c, j) => {
      if (dcClients.has(c))
        fail(`cluster.datacenters[${i}].clients[${j}]`, `"${c}" is in two datacenters`);
      dcClients.add(c);
    });
  });
  const leaders = new Set(datacenters.map((dc) => dc.leader));
  const clients = new Set([...dcClients, ...s.clients, ...(s.workload?.clients ?? [])]);
  for (const c of clients) if (seen.has(c)) fail('clients', `"${c}" is also a node id`);
  for (const e of topologyErrors(topologyOf(s.cluster.topology), [...leaders], 'cluster.topology'))
    fail(e.slice(0, e.indexOf(':')), e.slice(e.indexOf(':') + 2));
  for (const [key, leader] of Object.entries(s.cluster.homes))
    if (!leaders.has(leader)) fail(`cluster.homes.${key}`, `"${leader}" is not a leader`);
  return { leaders, nodes: seen, clients, dcs, endpoints: new Set([...seen, ...clients]) };
}

const NOT_HERE: Record<string, string> = {
  'set-mode': 'a single-leader step; multi-leader clusters have no single leader',
  failover: 'a single-leader step; multi-leader clusters have no single leader',
  'set-upstream': 'a single-leader step; multi-leader followers follow their datacenter leader',
  'add-node': 'not supported for multi-leader clusters yet; list the node in a datacenter',
  statement: 'a single-leader step (replication log formats, docs/log-formats.md)',
  upgrade: 'a single-leader step (replication log formats, docs/log-formats.md)',
};

function stepErrors(
  step: MultiLeaderTimelineStep,
  path: string,
  names: Names,
  fail: (p: string, m: string) => void,
): void {
  const need = (field: string, v: string, set: Set<string>, what: string): void => {
    if (!set.has(v)) fail(`${path}.${field}`, `unknown ${what} "${v}"`);
  };
  const notHere = NOT_HERE[step.type];
  if (notHere !== undefined) fail(`${path}.type`, `"${step.type}" is ${notHere}`);
  if ('client' in step) need('client', step.client, names.clients, 'client');
  if ('node' in step) need('node', step.node, names.nodes, 'node');
  if ('dc' in step) need('dc', step.dc, names.dcs, 'datacenter');
  if (step.type === 'set-home') need('leader', step.leader, names.leaders, 'leader');
  if (step.type === 'set-topology')
    for (const e of topologyErrors(
      topologyOf(step.topology),
      [...names.leaders],
      `${path}.topology`,
    ))
      fail(e.slice(0, e.indexOf(':')), e.slice(e.indexOf(':') + 2));
  if (step.type === 'partition-dcs')
    step.groups.forEach((g, j) => {
      g.forEach((dc, k) => {
        need(`groups[${j}][${k}]`, dc, names.dcs, 'datacenter');
      });
    });
  if (step.type === 'partition')
    step.groups.forEach((g, j) => {
      g.forEach((e, k) => {
        need(`groups[${j}][${k}]`, e, names.endpoints, 'node or client');
      });
    });
  if (step.type === 'partition-oneway') {
    for (const [k, e] of step.from.entries())
      need(`from[${k}]`, e, names.endpoints, 'node or client');
    for (const [k, e] of step.to.entries()) need(`to[${k}]`, e, names.endpoints, 'node or client');
  }
  if (step.type === 'set-link') {
    need('from', step.from, names.endpoints, 'node or client');
    need('to', step.to, names.endpoints, 'node or client');
  }
}

function multiLeaderErrors(s: MultiLeaderScenario): string[] {
  const errors: string[] = [];
  const fail = (path: string, message: string): void => {
    errors.push(`${path}: ${message}`);
  };
  const names = clusterErrors(s, fail);
  for (const n of Object.keys(s.clockSkewMs))
    if (!names.nodes.has(n)) fail(`clockSkewMs.${n}`, `"${n}" is not a node`);
  s.network.links.forEach((l, i) => {
    for (const end of ['from', 'to'] as const)
      if (!names.endpoints.has(l[end]))
        fail(`network.links[${i}].${end}`, `unknown node or client "${l[end]}"`);
  });
  s.timeline.forEach((step, i) => {
    if (step.at > s.durationMs)
      fail(`timeline[${i}].at`, `${step.at} ms is after the end (durationMs ${s.durationMs})`);
    stepErrors(step, `timeline[${i}]`, names, fail);
  });
  if (s.workload && s.workload.toMs <= s.workload.fromMs)
    fail('workload.toMs', 'must be after workload.fromMs');
  errors.push(...randomFaultErrors(s.randomFaults, names.nodes, s.durationMs));
  return errors;
}
