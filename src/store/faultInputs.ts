/**
 * The inputs behind the fault and load controls, built from the current view. Pure: the
 * panels call these and hand the result to the store, so what a button does is tested here.
 */
import type { ClientId, EndpointId, NodeId, UntimedInput } from '../engine/types';
import { MAX_FAULT_MS } from './inputProblem';
import type { ScheduledInput } from './session';
import type { LinkView } from './view';

function touches(link: LinkView, node: NodeId): boolean {
  return link.from === node || link.to === node;
}

function setDirection(link: LinkView, baseMs: number, jitterMs: number): UntimedInput {
  return {
    type: 'set-link',
    from: link.from,
    to: link.to,
    oneWay: true,
    latency: { baseMs, jitterMs },
  };
}

const scaled = (ms: number, factor: number) => Math.min(MAX_FAULT_MS, Math.round(ms * factor));

/**
 * A lag spike: every direction of every link of `node` becomes `factor` times slower now, and
 * returns to the scenario's latency `durationMs` later. Both halves are inputs, so both
 * replay. Ending at the scenario's latency (not at the latency before the spike) means that
 * overlapping spikes cannot leave a link slow for good.
 */
export function lagSpikeInputs(
  links: readonly LinkView[],
  node: NodeId,
  factor: number,
  durationMs: number,
): ScheduledInput[] {
  const mine = links.filter((link) => touches(link, node));
  return [
    ...mine.map((link) => ({
      input: setDirection(link, scaled(link.baseMs, factor), scaled(link.jitterMs, factor)),
    })),
    ...mine.map((link) => ({
      input: setDirection(link, link.scenarioBaseMs, link.scenarioJitterMs),
      delayMs: durationMs,
    })),
  ];
}

/** Directions of `node`'s links whose latency differs from the scenario's. */
export function changedLinks(links: readonly LinkView[], node: NodeId): LinkView[] {
  return links.filter(
    (link) =>
      touches(link, node) &&
      (link.baseMs !== link.scenarioBaseMs || link.jitterMs !== link.scenarioJitterMs),
  );
}

/** Put every changed direction of `node`'s links back to the scenario's latency, now. */
export function restoreLatencyInputs(links: readonly LinkView[], node: NodeId): ScheduledInput[] {
  return changedLinks(links, node).map((link) => ({
    input: setDirection(link, link.scenarioBaseMs, link.scenarioJitterMs),
  }));
}

/** Cut group A from group B: both ways, or only messages from A to B. */
export function partitionInput(
  groupA: readonly EndpointId[],
  groupB: readonly EndpointId[],
  oneWay: boolean,
): UntimedInput {
  return oneWay
    ? { type: 'partition-oneway', from: [...groupA], to: [...groupB] }
    : { type: 'partition', groups: [[...groupA], [...groupB]] };
}

/** The value each client writes in a burst: distinct, so the conflict shows who won. */
export function concurrentValue(value: string, client: ClientId): string {
  return `${value} (${client})`;
}

/** One write of `key` from each client, all at the same instant. */
export function concurrentWriteInputs(
  clients: readonly ClientId[],
  key: string,
  value: string,
): ScheduledInput[] {
  return clients.map((client) => ({
    input: {
      type: 'client-op',
      client,
      op: { f: 'write', key, value: concurrentValue(value, client) },
    },
  }));
}

/** A cut between two ends: both directions, or only `from` → `to`. */
export interface CutLink {
  from: EndpointId;
  to: EndpointId;
  bothWays: boolean;
}

/** The cut links, each pair once, for showing the partition state. */
export function cutLinks(links: readonly LinkView[]): CutLink[] {
  const cut = new Set(links.filter((l) => l.cut).map((l) => `${l.from}\n${l.to}`));
  const result: CutLink[] = [];
  for (const link of links) {
    if (!link.cut) continue;
    const reverse = cut.has(`${link.to}\n${link.from}`);
    // A two-way cut is listed once, from the end that comes first in the view's order.
    if (reverse && result.some((c) => c.from === link.to && c.to === link.from)) continue;
    result.push({ from: link.from, to: link.to, bothWays: reverse });
  }
  return result;
}
