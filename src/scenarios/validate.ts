/**
 * Turn untrusted JSON into a scenario, or into messages that each name the offending field.
 * Shape and types come from the zod schema; cross-field rules (a leader that is one of the
 * nodes, a partition naming only known endpoints) are checked here.
 */
import type { z } from 'zod';
import { randomFaultErrors } from './randomFaults';
import { type Scenario, scenarioSchema } from './schema';
import { logFormatErrors } from './validateLogFormat';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out === '' ? String(part) : `${out}.${String(part)}`;
  }, '');
}

export function zodMessages(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${fieldPath(issue.path) || '(scenario)'}: ${issue.message}`);
}

/** Validate a parsed JSON value as a scenario. */
export function parseScenario(input: unknown): ParseResult {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodMessages(parsed.error) };
  const errors = crossFieldErrors(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: parsed.data };
}

/** Validate scenario text (JSON). */
export function parseScenarioText(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`(scenario): not valid JSON: ${(error as Error).message}`] };
  }
  return parseScenario(json);
}

/** Partitions must split the nodes exactly, each led by one of its own, with no failover. */
function partitionErrors(s: Scenario): string[] {
  const partitions = s.cluster.partitions;
  if (partitions === undefined) return [];
  const errors: string[] = [];
  const nodes = new Set(s.cluster.nodes);
  const owner = new Map<string, string>();
  const keyOwner = new Map<string, string>();
  const ids = new Set<string>();
  partitions.forEach((p, i) => {
    const path = `cluster.partitions[${i}]`;
    if (ids.has(p.id)) errors.push(`${path}.id: "${p.id}" is used by another partition`);
    ids.add(p.id);
    if (!p.nodes.includes(p.leader))
      errors.push(`${path}.leader: "${p.leader}" is not one of the partition's nodes`);
    p.nodes.forEach((n, j) => {
      if (!nodes.has(n)) errors.push(`${path}.nodes[${j}]: "${n}" is not one of cluster.nodes`);
      else if (owner.has(n))
        errors.push(`${path}.nodes[${j}]: "${n}" is already in partition "${owner.get(n)}"`);
      owner.set(n, p.id);
    });
    p.keys.forEach((k, j) => {
      if (keyOwner.has(k))
        errors.push(`${path}.keys[${j}]: "${k}" is already in partition "${keyOwner.get(k)}"`);
      keyOwner.set(k, p.id);
    });
  });
  for (const n of nodes) {
    if (!owner.has(n)) errors.push(`cluster.partitions: node "${n}" is in no partition`);
  }
  if (!partitions.some((p) => p.leader === s.cluster.leader))
    errors.push('cluster.leader: must be the leader of one of cluster.partitions');
  if (s.cluster.monitor !== null) {
    errors.push(
      'cluster.monitor: must be null with partitions (failover per partition is not modelled)',
    );
  }
  s.timeline.forEach((step, i) => {
    if (step.type === 'add-node')
      errors.push(`timeline[${i}].type: nodes cannot be added to a partitioned cluster`);
  });
  return errors;
}

/** Cascading: each upstream a known node, and no follower replicating from itself in a loop. */
function upstreamErrors(upstreams: Record<string, string>, nodes: Set<string>): string[] {
  const errors: string[] = [];
  for (const [follower, upstream] of Object.entries(upstreams)) {
    const path = `cluster.upstreams.${follower}`;
    if (!nodes.has(follower)) errors.push(`${path}: "${follower}" is not a node of the cluster`);
    else if (!nodes.has(upstream))
      errors.push(`${path}: "${upstream}" is not a node of the cluster`);
    const seen = new Set([follower]);
    for (let at = upstreams[upstream] === undefined ? null : upstream; at !== null; ) {
      if (seen.has(at)) {
        errors.push(`${path}: the chain of upstreams loops back to "${at}"`);
        break;
      }
      seen.add(at);
      at = upstreams[at] ?? null;
    }
  }
  return errors;
}

function crossFieldErrors(s: Scenario): string[] {
  const errors: string[] = [];
  const { cluster } = s;
  const nodes = new Set(cluster.nodes);
  const added = new Set(
    s.timeline.flatMap((step) => (step.type === 'add-node' ? [step.node] : [])),
  );
  const allNodes = new Set([...nodes, ...added]);
  const processes = new Set([...allNodes, ...(cluster.monitor ? [cluster.monitor] : [])]);
  const clients = new Set([...s.clients, ...(s.workload?.clients ?? [])]);
  const endpoints = new Set([...processes, ...clients]);
  const fail = (path: string, message: string): void => {
    errors.push(`${path}: ${message}`);
  };

  if (new Set(cluster.nodes).size !== cluster.nodes.length)
    fail('cluster.nodes', 'node ids must be unique');
  if (!nodes.has(cluster.leader))
    fail('cluster.leader', `"${cluster.leader}" is not one of cluster.nodes`);
  if (cluster.monitor !== null && nodes.has(cluster.monitor)) {
    fail(
      'cluster.monitor',
      `"${cluster.monitor}" is a replica; the monitor must be a separate node`,
    );
  }
  for (const f of Object.keys(cluster.followers)) {
    if (!allNodes.has(f)) fail(`cluster.followers.${f}`, `"${f}" is not a node of the cluster`);
  }
  if (cluster.fencing && cluster.monitor !== null && cluster.leaseMs >= cluster.failureTimeoutMs) {
    fail(
      'cluster.leaseMs',
      'must be shorter than cluster.failureTimeoutMs, or fencing cannot work',
    );
  }
  const checkReads = (path: string, r: Scenario['cluster']['reads']) => {
    if (typeof r === 'object' && !allNodes.has(r.replica))
      fail(path, `"${r.replica}" is not a node`);
  };
  checkReads('cluster.reads.replica', cluster.reads);
  for (const [c, r] of Object.entries(cluster.clientReads ?? {})) {
    if (!clients.has(c)) fail(`cluster.clientReads.${c}`, `"${c}" is not a client of the scenario`);
    checkReads(`cluster.clientReads.${c}.replica`, r);
  }
  for (const c of clients) if (processes.has(c)) fail('clients', `"${c}" is also a node id`);
  errors.push(...upstreamErrors(cluster.upstreams, allNodes));
  errors.push(...partitionErrors(s));
  errors.push(...logFormatErrors(s, allNodes));
  for (const [n] of Object.entries(s.clockSkewMs)) {
    if (!processes.has(n)) fail(`clockSkewMs.${n}`, `"${n}" is not a node`);
  }
  s.network.links.forEach((l, i) => {
    if (!endpoints.has(l.from))
      fail(`network.links[${i}].from`, `unknown node or client "${l.from}"`);
    if (!endpoints.has(l.to)) fail(`network.links[${i}].to`, `unknown node or client "${l.to}"`);
  });
  s.timeline.forEach((step, i) => {
    const path = `timeline[${i}]`;
    if (step.at > s.durationMs)
      fail(`${path}.at`, `${step.at} ms is after the end (durationMs ${s.durationMs})`);
    const need = (field: string, v: string, set: Set<string>, what: string): void => {
      if (!set.has(v)) fail(`${path}.${field}`, `unknown ${what} "${v}"`);
    };
    switch (step.type) {
      case 'write':
      case 'read':
      case 'statement':
        need('client', step.client, clients, 'client');
        break;
      case 'crash':
      case 'restart':
      case 'clock-skew':
        need('node', step.node, processes, 'node');
        break;
      case 'set-mode':
        need('follower', step.follower, allNodes, 'node');
        break;
      case 'set-upstream':
        need('follower', step.follower, allNodes, 'node');
        if (step.upstream !== null) need('upstream', step.upstream, allNodes, 'node');
        if (step.upstream === step.follower)
          fail(`${path}.upstream`, 'a follower cannot replicate from itself');
        break;
      case 'failover':
        if (cluster.monitor === null)
          fail(`${path}.type`, 'a failover needs a monitor (cluster.monitor)');
        break;
      case 'add-node':
        if (nodes.has(step.node) || step.node === cluster.monitor) {
          fail(`${path}.node`, `"${step.node}" already exists`);
        }
        break;
      case 'partition':
        step.groups.forEach((g, j) => {
          for (const [k, e] of g.entries())
            need(`groups[${j}][${k}]`, e, endpoints, 'node or client');
        });
        break;
      case 'partition-oneway':
        for (const [k, e] of step.from.entries())
          need(`from[${k}]`, e, endpoints, 'node or client');
        for (const [k, e] of step.to.entries()) need(`to[${k}]`, e, endpoints, 'node or client');
        break;
      case 'set-link':
        need('from', step.from, endpoints, 'node or client');
        need('to', step.to, endpoints, 'node or client');
        break;
    }
  });
  if (s.workload && s.workload.toMs <= s.workload.fromMs) {
    fail('workload.toMs', 'must be after workload.fromMs');
  }
  errors.push(...randomFaultErrors(s.randomFaults, nodes, s.durationMs));
  return errors;
}
