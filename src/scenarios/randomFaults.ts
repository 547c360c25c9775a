/**
 * Faults drawn from the seed (`randomFaults` in a scenario): lag spikes and crashes at random
 * times on the nodes named, each ending (the link's own latency back, the node restarted) within
 * the window. Compiled with the rest of the scenario, so the app and the CLI draw the same
 * faults for the same seed and `?scenario=<id>&seed=<n>` opens the very run a table counted.
 */
import { z } from 'zod';
import { deriveStream, nextFloat, pick } from '../engine/rng';
import type { Input, LatencyConfig } from '../engine/types';

const id = z.string().regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "-" and "_" only');
const ms = z.number().int('must be a whole number of milliseconds').min(0, 'must be 0 or more');
const count = z.number().int('must be a whole number').min(0, 'must be 0 or more');

export const randomFaultsSchema = z.strictObject({
  /** The nodes faults may hit. */
  nodes: z.array(id).min(1, 'name at least one node'),
  /** Faults start in [fromMs, toMs) and have ended by toMs + their length. */
  fromMs: ms.default(0),
  toMs: ms,
  /** Lag spikes: every link into the node gets slow for a while. */
  lagSpikes: count.default(0),
  /** Crashes, each followed by a restart. */
  crashes: count.default(0),
  /** Extra one-way latency of a spike, at most (ms). */
  maxLagMs: ms.min(100, 'must be at least 100').default(600),
  /** How long a spike or a crash lasts, at most (ms). */
  maxFaultMs: ms.min(50, 'must be at least 50').default(800),
});

export type RandomFaults = z.output<typeof randomFaultsSchema>;

interface FaultyScenario {
  randomFaults?: RandomFaults | undefined;
  cluster: { nodes: string[] };
  network: {
    latency: LatencyConfig;
    links: Array<{ from: string; to: string; oneWay?: boolean; latency?: Partial<LatencyConfig> }>;
  };
}

/** What a link's latency is when no fault is on it: the scenario's own setting. */
function ownLatency(s: FaultyScenario, from: string, to: string): LatencyConfig {
  let latency = s.network.latency;
  for (const l of s.network.links) {
    const matches =
      (l.from === from && l.to === to) || (!l.oneWay && l.from === to && l.to === from);
    if (matches && l.latency) latency = { ...latency, ...l.latency };
  }
  return latency;
}

/** The fault inputs of `scenario` for `seed` (none without `randomFaults`). */
export function randomFaultInputs(scenario: FaultyScenario, seed: number): Input[] {
  const f = scenario.randomFaults;
  if (f === undefined) return [];
  const rng = deriveStream(seed, 'random-faults');
  const between = (lo: number, hi: number) => lo + Math.floor(nextFloat(rng) * (hi - lo));
  const inputs: Input[] = [];
  for (let i = 0; i < f.lagSpikes; i++) {
    const node = pick(rng, f.nodes);
    const at = between(f.fromMs, f.toMs);
    const end = at + between(50, f.maxFaultMs);
    const baseMs = between(100, f.maxLagMs);
    for (const from of scenario.cluster.nodes) {
      if (from === node) continue;
      const base = { type: 'set-link' as const, from, to: node, oneWay: true };
      const own = ownLatency(scenario, from, node);
      inputs.push({ ...base, at, latency: { ...own, baseMs: own.baseMs + baseMs } });
      inputs.push({ ...base, at: end, latency: own });
    }
  }
  for (let i = 0; i < f.crashes; i++) {
    const node = pick(rng, f.nodes);
    const at = between(f.fromMs, f.toMs);
    inputs.push({ at, type: 'crash', node });
    inputs.push({ at: at + between(50, f.maxFaultMs), type: 'restart', node });
  }
  return inputs;
}

/** Cross-field errors: unknown nodes, an empty window, faults past the end. */
export function randomFaultErrors(
  f: RandomFaults | undefined,
  nodes: ReadonlySet<string>,
  durationMs: number,
): string[] {
  if (f === undefined) return [];
  const errors: string[] = [];
  f.nodes.forEach((n, i) => {
    if (!nodes.has(n)) errors.push(`randomFaults.nodes[${i}]: "${n}" is not a node of the cluster`);
  });
  if (f.toMs <= f.fromMs) errors.push('randomFaults.toMs: must be after randomFaults.fromMs');
  if (f.toMs + f.maxFaultMs > durationMs)
    errors.push(
      `randomFaults.toMs: faults may last until toMs + maxFaultMs = ${f.toMs + f.maxFaultMs} ms, after the end (durationMs ${durationMs})`,
    );
  return errors;
}
