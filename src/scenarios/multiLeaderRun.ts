/**
 * Compiling and running a multi-leader scenario headlessly, and its report: the single-leader
 * path's counterpart (compile.ts, run.ts), sharing the timeline, workload and expectations.
 * Datacenters become link latencies: every link between two datacenters' endpoints gets
 * `interDcLatency`, links inside one the scenario's `network.latency`.
 */

import type { Finding } from '../checker';
import { createSimulation, type SimConfig } from '../engine/simulation';
import type { EndpointId, Input, NodeId, UntimedInput } from '../engine/types';
import { type MultiLeaderConfig, multiLeader } from '../protocols/multi-leader';
import type { Topology } from '../protocols/multi-leader/config';
import {
  type MultiLeaderOutcome,
  type MultiLeaderSim,
  multiLeaderOutcome,
} from '../protocols/multi-leader/outcome';
import { networkOf, toInput, workloadInputs } from './compile';
import { multiLeaderRunAnomalies } from './multiLeaderAnomalies';
import type {
  MultiLeaderScenario,
  MultiLeaderTimelineStep,
  TopologyInput,
} from './multiLeaderSchema';
import { randomFaultInputs } from './randomFaults';
import {
  checkExpectations,
  type ExpectationResult,
  type ReportBasics,
  reportBasics,
  toEnd,
} from './run';

export function topologyOf(t: TopologyInput): Topology {
  if (t === 'all-to-all') return { kind: 'all-to-all' };
  if ('circular' in t) return { kind: 'circular', order: t.circular };
  if ('star' in t) return { kind: 'star', hub: t.star };
  return { kind: 'custom', links: t.custom };
}

/** Every client, each in its datacenter; clients no datacenter lists belong to the first. */
function clientsOf(s: MultiLeaderScenario): string[] {
  const listed = s.cluster.datacenters.flatMap((dc) => dc.clients);
  return [...new Set([...listed, ...s.clients, ...(s.workload?.clients ?? [])])];
}

/** The nodes and clients of each datacenter. */
export function datacenterMembers(s: MultiLeaderScenario): Map<string, EndpointId[]> {
  const members = new Map<string, EndpointId[]>();
  const dcs = s.cluster.datacenters;
  const listed = new Set(dcs.flatMap((dc) => dc.clients));
  const unlisted = clientsOf(s).filter((c) => !listed.has(c));
  dcs.forEach((dc, i) => {
    members.set(dc.id, [dc.leader, ...dc.followers, ...dc.clients, ...(i === 0 ? unlisted : [])]);
  });
  return members;
}

function interDcLinks(s: MultiLeaderScenario) {
  const groups = [...datacenterMembers(s).values()];
  const latency = s.cluster.interDcLatency;
  const links: { from: EndpointId; to: EndpointId; latency: typeof latency }[] = [];
  groups.forEach((a, i) => {
    for (const b of groups.slice(i + 1))
      for (const from of a) for (const to of b) links.push({ from, to, latency });
  });
  return links;
}

function protocolConfig(s: MultiLeaderScenario): MultiLeaderConfig {
  const c = s.cluster;
  const listed = new Set(c.datacenters.flatMap((dc) => dc.clients));
  const unlisted = clientsOf(s).filter((x) => !listed.has(x));
  return {
    datacenters: c.datacenters.map((dc, i) => ({
      id: dc.id,
      leader: dc.leader,
      followers: [...dc.followers],
      clients: [...dc.clients, ...(i === 0 ? unlisted : [])],
    })),
    topology: topologyOf(c.topology),
    conflicts: c.conflicts,
    values: c.values,
    versionVectors: c.versionVectors,
    homes: { ...c.homes },
    retryMs: c.retryMs,
    clientAvoidMs: c.clientAvoidMs,
  };
}

type Command = Extract<UntimedInput, { type: 'command' }>;

/**
 * An operator step every leader hears (re-route, re-home), as one command per leader: a leader
 * that is down when it runs takes it when it restarts (its configuration changed on disk).
 */
export function leaderCommands(
  leaders: readonly NodeId[],
  command: 'set-topology' | 'set-home',
  args: Record<string, unknown>,
): Command[] {
  return leaders.map((node) => ({ type: 'command', node, command, args }));
}

function stepInputs(s: MultiLeaderScenario, step: MultiLeaderTimelineStep): Input[] {
  const leaders = s.cluster.datacenters.map((dc) => dc.leader);
  const members = datacenterMembers(s);
  const nodesOf = (dc: string) =>
    s.cluster.datacenters.filter((d) => d.id === dc).flatMap((d) => [d.leader, ...d.followers]);
  switch (step.type) {
    case 'set-topology':
      return leaderCommands(leaders, 'set-topology', {
        topology: topologyOf(step.topology),
      }).map((c) => ({ ...c, at: step.at }));
    case 'set-home':
      return leaderCommands(leaders, 'set-home', { key: step.key, leader: step.leader }).map(
        (c) => ({ ...c, at: step.at }),
      );
    case 'partition-dcs': {
      const groups = step.groups.map((g) => g.flatMap((dc) => members.get(dc) ?? []));
      return [{ at: step.at, type: 'partition', groups }];
    }
    case 'crash-dc':
      return nodesOf(step.dc).map((node) => ({ at: step.at, type: 'crash', node }));
    case 'restart-dc':
      return nodesOf(step.dc).map((node) => ({ at: step.at, type: 'restart', node }));
    case 'set-mode':
    case 'set-upstream':
    case 'failover':
    case 'statement':
    case 'upgrade':
      return [];
    default:
      return [toInput(step)];
  }
}

export interface CompiledMultiLeaderRun {
  config: SimConfig<MultiLeaderConfig>;
  inputs: Input[];
}

export function compileMultiLeaderScenario(
  scenario: MultiLeaderScenario,
  seed: number = scenario.seed,
): CompiledMultiLeaderRun {
  const network = networkOf(scenario);
  const config: SimConfig<MultiLeaderConfig> = {
    seed,
    nodes: scenario.cluster.datacenters.flatMap((dc) => [dc.leader, ...dc.followers]),
    clients: clientsOf(scenario),
    // The scenario's own link overrides come last, so they win over the datacenter latencies.
    network: { ...network, links: [...interDcLinks(scenario), ...(network.links ?? [])] },
    clockSkewMs: scenario.clockSkewMs,
    clientTimeoutMs: scenario.clientTimeoutMs,
    clientMaxRedirects: scenario.clientMaxRedirects,
    protocol: protocolConfig(scenario),
  };
  const timeline = scenario.timeline.flatMap((step) => stepInputs(scenario, step));
  // Spikes end with each link's own latency back, inter-datacenter latencies included.
  const links = config.network.links ?? [];
  const faults = randomFaultInputs(
    { ...scenario, cluster: { nodes: config.nodes }, network: { ...scenario.network, links } },
    seed,
  );
  return { config, inputs: [...timeline, ...faults, ...workloadInputs(scenario, seed)] };
}

/** A simulation of the scenario at time 0 (nothing run yet). */
export function startMultiLeaderScenario(
  scenario: MultiLeaderScenario,
  seed: number,
  extra: Input[] = [],
): MultiLeaderSim {
  const { config, inputs } = compileMultiLeaderScenario(scenario, seed);
  return createSimulation(config, multiLeader, [...inputs, ...extra]);
}

/** Run the scenario to its end. */
export const runMultiLeaderScenario = toEnd(startMultiLeaderScenario);

/** The machine-readable report of a multi-leader run (the CLI's `--json`). */
export interface MultiLeaderRunReport extends MultiLeaderOutcome, ReportBasics {
  protocol: 'multi-leader';
  /** What the consistency checker found (see docs/checker.md). */
  anomalies: Finding[];
  expectations: ExpectationResult[];
}

export function buildMultiLeaderReport(
  scenario: MultiLeaderScenario,
  seed: number,
  sim: MultiLeaderSim,
): MultiLeaderRunReport {
  const outcome = multiLeaderOutcome(sim);
  const anomalies = multiLeaderRunAnomalies(scenario, sim);
  return {
    protocol: 'multi-leader',
    ...reportBasics(scenario, seed, sim),
    ...outcome,
    anomalies,
    expectations: checkExpectations(scenario, outcome.metrics, anomalies),
  };
}
