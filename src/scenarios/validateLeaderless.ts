/**
 * Cross-field rules of a leaderless scenario (the quorum rules come from the protocol), and
 * `parseAnyScenario`, which reads `protocol` and hands the file to the right schema.
 */
import { quorumErrors } from '../protocols/leaderless/config';
import {
  type AnyScenario,
  type LeaderlessScenario,
  leaderlessScenarioSchema,
} from './leaderlessSchema';
import { randomFaultErrors } from './randomFaults';
import { type ParseResult, parseScenario, zodMessages } from './validate';
import { parseMultiLeaderScenario } from './validateMultiLeader';

export type AnyParseResult = { ok: true; scenario: AnyScenario } | { ok: false; errors: string[] };

const PROTOCOLS = ['single-leader', 'leaderless', 'multi-leader'];

/** Validate a parsed JSON value as a scenario of any protocol. */
export function parseAnyScenario(input: unknown): AnyParseResult {
  const protocol =
    typeof input === 'object' && input !== null
      ? (input as { protocol?: unknown }).protocol
      : undefined;
  if (protocol !== undefined && !PROTOCOLS.includes(String(protocol))) {
    return {
      ok: false,
      errors: [
        `protocol: unknown protocol ${JSON.stringify(protocol)}; use ${PROTOCOLS.slice(0, -1).join(', ')} or ${PROTOCOLS.at(-1)}`,
      ],
    };
  }
  if (protocol === 'multi-leader') return parseMultiLeaderScenario(input);
  if (protocol !== 'leaderless') return parseScenario(input) as ParseResult;
  const parsed = leaderlessScenarioSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodMessages(parsed.error) };
  const errors = leaderlessErrors(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: parsed.data };
}

/** Validate scenario text (JSON) of any protocol. */
export function parseAnyScenarioText(text: string): AnyParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`(scenario): not valid JSON: ${(error as Error).message}`] };
  }
  return parseAnyScenario(json);
}

const SINGLE_LEADER_STEPS = new Set([
  'set-mode',
  'set-upstream',
  'failover',
  'statement',
  'upgrade',
]);

function leaderlessErrors(s: LeaderlessScenario): string[] {
  const errors: string[] = [];
  const fail = (path: string, message: string): void => {
    errors.push(`${path}: ${message}`);
  };
  const { cluster } = s;
  const nodes = new Set(cluster.nodes);
  const added = new Set(s.timeline.flatMap((st) => (st.type === 'add-node' ? [st.node] : [])));
  const allNodes = new Set([...nodes, ...added]);
  const clients = new Set([...s.clients, ...(s.workload?.clients ?? [])]);
  const endpoints = new Set([...allNodes, ...clients]);
  if (nodes.size !== cluster.nodes.length) fail('cluster.nodes', 'node ids must be unique');
  errors.push(...quorumErrors(cluster, cluster.nodes.length));
  const checkCoordinator = (path: string, c: LeaderlessScenario['cluster']['coordinator']) => {
    if (typeof c === 'object' && !allNodes.has(c.node)) fail(path, `"${c.node}" is not a node`);
  };
  checkCoordinator('cluster.coordinator.node', cluster.coordinator);
  for (const [c, choice] of Object.entries(cluster.clientCoordinators ?? {})) {
    if (!clients.has(c))
      fail(`cluster.clientCoordinators.${c}`, `"${c}" is not a client of the scenario`);
    checkCoordinator(`cluster.clientCoordinators.${c}.node`, choice);
  }
  for (const c of clients) if (allNodes.has(c)) fail('clients', `"${c}" is also a node id`);
  for (const n of Object.keys(s.clockSkewMs))
    if (!allNodes.has(n)) fail(`clockSkewMs.${n}`, `"${n}" is not a node`);
  s.network.links.forEach((l, i) => {
    for (const end of ['from', 'to'] as const)
      if (!endpoints.has(l[end]))
        fail(`network.links[${i}].${end}`, `unknown node or client "${l[end]}"`);
  });
  s.timeline.forEach((step, i) => {
    const path = `timeline[${i}]`;
    if (step.at > s.durationMs)
      fail(`${path}.at`, `${step.at} ms is after the end (durationMs ${s.durationMs})`);
    if (SINGLE_LEADER_STEPS.has(step.type))
      fail(
        `${path}.type`,
        `"${step.type}" is a single-leader step; leaderless clusters have no leader`,
      );
    const need = (field: string, v: string, set: Set<string>, what: string): void => {
      if (!set.has(v)) fail(`${path}.${field}`, `unknown ${what} "${v}"`);
    };
    if ('client' in step) need('client', step.client, clients, 'client');
    if ('node' in step && step.type !== 'add-node') need('node', step.node, allNodes, 'node');
    if (step.type === 'restore') need('from', step.from, allNodes, 'node');
    if (step.type === 'add-node' && nodes.has(step.node))
      fail(`${path}.node`, `"${step.node}" already exists`);
    if (step.type === 'partition') {
      for (const [j, g] of step.groups.entries())
        for (const [k, e] of g.entries())
          need(`groups[${j}][${k}]`, e, endpoints, 'node or client');
    }
    if (step.type === 'partition-oneway') {
      for (const [k, e] of step.from.entries()) need(`from[${k}]`, e, endpoints, 'node or client');
      for (const [k, e] of step.to.entries()) need(`to[${k}]`, e, endpoints, 'node or client');
    }
    if (step.type === 'set-link') {
      need('from', step.from, endpoints, 'node or client');
      need('to', step.to, endpoints, 'node or client');
    }
  });
  if (s.workload && s.workload.toMs <= s.workload.fromMs)
    fail('workload.toMs', 'must be after workload.fromMs');
  errors.push(...randomFaultErrors(s.randomFaults, nodes, s.durationMs));
  return errors;
}
