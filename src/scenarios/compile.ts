/**
 * From a validated scenario and a seed to what the engine runs: its configuration and the
 * ordered inputs (the timeline, plus the random workload drawn from the seed's workload streams).
 */

import { deriveStream, nextFloat, nextInt } from '../engine/rng';
import type { SimConfig } from '../engine/simulation';
import type { Input } from '../engine/types';
import { STATEMENT_KEY } from '../protocols/shared/statements';
import type { SingleLeaderConfig } from '../protocols/single-leader';
import type { Partitioning } from '../protocols/single-leader/partitions';
import { randomFaultInputs } from './randomFaults';
import type { Scenario, TimelineStep } from './schema';

/** Everything the engine needs for one run. */
export interface CompiledRun {
  config: SimConfig<SingleLeaderConfig>;
  inputs: Input[];
}

export function compileScenario(scenario: Scenario, seed: number = scenario.seed): CompiledRun {
  const { cluster } = scenario;
  const clients = [...new Set([...scenario.clients, ...(scenario.workload?.clients ?? [])])];
  const config: SimConfig<SingleLeaderConfig> = {
    seed,
    nodes: cluster.monitor === null ? [...cluster.nodes] : [...cluster.nodes, cluster.monitor],
    clients,
    network: networkOf(scenario),
    clockSkewMs: scenario.clockSkewMs,
    clientTimeoutMs: scenario.clientTimeoutMs,
    clientMaxRedirects: scenario.clientMaxRedirects,
    protocol: {
      leader: cluster.leader,
      monitor: cluster.monitor,
      followers: cluster.followers,
      semiSync: cluster.semiSync,
      heartbeatIntervalMs: cluster.heartbeatIntervalMs,
      failureTimeoutMs: cluster.failureTimeoutMs,
      electionWaitMs: cluster.electionWaitMs,
      fencing: cluster.fencing,
      leaseMs: cluster.leaseMs,
      syncAckTimeoutMs: cluster.syncAckTimeoutMs,
      catchUpBatch: cluster.catchUpBatch,
      reads: cluster.reads,
      ...(cluster.clientReads ? { clientReads: cluster.clientReads } : {}),
      ...(cluster.partitions ? { partitions: partitioning(cluster.partitions) } : {}),
      cures: scenario.cures,
      bootstrap: cluster.bootstrap,
      upstreams: cluster.upstreams,
      peerCatchUp: cluster.peerCatchUp,
      writeBarrier: cluster.writeBarrier,
      promotionCatchUp: cluster.promotionCatchUp,
      ...(cluster.logFormat ? { logFormat: cluster.logFormat } : {}),
    },
  };
  const inputs = [
    ...scenario.timeline.flatMap((step) => toInputs(scenario, step)),
    ...randomFaultInputs(scenario, seed),
    ...workloadInputs(scenario, seed),
  ];
  return { config, inputs };
}

/** Where keys and nodes belong, as the protocol reads it. */
export function partitioning(
  partitions: NonNullable<Scenario['cluster']['partitions']>,
): Partitioning {
  const result: Partitioning = { ids: [], nodePartition: {}, leaders: {}, keyPartition: {} };
  for (const p of partitions) {
    result.ids.push(p.id);
    result.leaders[p.id] = p.leader;
    for (const node of p.nodes) result.nodePartition[node] = p.id;
    for (const key of p.keys) result.keyPartition[key] = p.id;
  }
  return result;
}

/** The engine's network configuration for a scenario (any protocol). */
export function networkOf(scenario: Pick<Scenario, 'network'>): SimConfig<unknown>['network'] {
  return {
    defaultLink: { latency: scenario.network.latency, dropRate: scenario.network.dropRate },
    links: scenario.network.links,
  };
}

/** Replicas that exist at time t: the configured ones and those added before t. */
function replicasAt(scenario: Scenario, t: number): string[] {
  const added = scenario.timeline.flatMap((s) =>
    s.type === 'add-node' && s.at <= t ? [s.node] : [],
  );
  return [...scenario.cluster.nodes, ...added];
}

/** An operator command that every replica existing at `at` applies to its own settings. */
function toEveryReplica(
  scenario: Scenario,
  at: number,
  command: string,
  args: Record<string, unknown>,
): Input[] {
  return replicasAt(scenario, at).map((node) => ({ at, type: 'command', node, command, args }));
}

/**
 * Timeline steps become engine inputs: `write` / `read` are client operations, `set-mode` and
 * `set-upstream` a command to every replica, `failover` a command to the monitor.
 */
export function toInputs(scenario: Scenario, step: TimelineStep): Input[] {
  if (step.type === 'set-mode') {
    return toEveryReplica(scenario, step.at, 'set-mode', {
      follower: step.follower,
      mode: step.mode,
    });
  }
  if (step.type === 'set-upstream') {
    return toEveryReplica(scenario, step.at, 'set-upstream', {
      follower: step.follower,
      upstream: step.upstream,
    });
  }
  if (step.type === 'add-node' && step.bootstrap !== undefined) {
    return [
      { at: step.at, type: 'add-node', node: step.node, args: { bootstrap: step.bootstrap } },
    ];
  }
  if (step.type === 'failover') {
    return [
      { at: step.at, type: 'command', node: scenario.cluster.monitor ?? '', command: 'failover' },
    ];
  }
  if (step.type === 'statement' || step.type === 'upgrade') return [logFormatInput(step)];
  return [toInput(step)];
}

/** Log formats: a statement is a client write under the statement key; an upgrade a command. */
function logFormatInput(step: Extract<TimelineStep, { type: 'statement' | 'upgrade' }>): Input {
  if (step.type === 'upgrade') {
    const args = { version: step.version };
    return { at: step.at, type: 'command', node: step.node, command: 'set-engine-version', args };
  }
  const op = { f: 'write' as const, key: STATEMENT_KEY, value: step.sql };
  return { at: step.at, type: 'client-op', client: step.client, op };
}

/** A single-input timeline step as an engine input. */
export function toInput(
  step: Exclude<
    TimelineStep,
    { type: 'set-mode' | 'set-upstream' | 'failover' | 'statement' | 'upgrade' }
  >,
): Input {
  if (step.type === 'write') {
    return {
      at: step.at,
      type: 'client-op',
      client: step.client,
      op: { f: 'write', key: step.key, value: step.value },
    };
  }
  if (step.type === 'read') {
    return {
      at: step.at,
      type: 'client-op',
      client: step.client,
      op: { f: 'read', key: step.key },
    };
  }
  return step as Input;
}

/**
 * Random operations per client, each client from its own stream so that adding a client leaves
 * the others' operations unchanged. Written values are unique (`<client>#<n>`), which lets the
 * report trace every value back to the write that produced it.
 */
export function workloadInputs(scenario: Pick<Scenario, 'workload'>, seed: number): Input[] {
  const w = scenario.workload;
  if (w === undefined) return [];
  const inputs: Input[] = [];
  for (const client of w.clients) {
    const rng = deriveStream(seed, `workload:${client}`);
    let t = w.fromMs;
    let n = 0;
    for (;;) {
      t += Math.max(1, Math.round(-Math.log(1 - nextFloat(rng)) * w.meanGapMs));
      if (t > w.toMs) break;
      const key = w.keys[nextInt(rng, w.keys.length)] as string;
      if (nextFloat(rng) < w.writeRatio) {
        n++;
        inputs.push({
          at: t,
          type: 'client-op',
          client,
          op: { f: 'write', key, value: `${client}#${n}` },
        });
      } else {
        inputs.push({ at: t, type: 'client-op', client, op: { f: 'read', key } });
      }
    }
  }
  return inputs;
}
