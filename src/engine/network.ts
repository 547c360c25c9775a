/**
 * The simulated network: per-direction link state (latency, drop rate, cut or not), latency
 * sampling from the link's own stream, and the rules deciding each message's fate.
 * Partitions follow turmoil's model: each direction is cut or healthy on its own, so one-way
 * partitions are as natural as two-way ones.
 */
import { deriveStream, nextFloat } from './rng';
import type { LinkState } from './state';
import type { DropReason, EndpointId, LatencyConfig, LinkConfig, SimTimeMs } from './types';

/** Network configuration of a run: a default for every link plus per-link overrides. */
export interface NetworkConfig {
  defaultLink: LinkConfig;
  /** Overrides for particular directions (applied to both unless `oneWay`). */
  links?: Array<{ from: EndpointId; to: EndpointId; oneWay?: boolean } & Partial<LinkOverride>>;
}

export interface LinkOverride {
  latency: Partial<LatencyConfig>;
  dropRate: number;
}

/** Apply an override to a link configuration, returning a new one. */
export function overrideLink(base: LinkConfig, override: Partial<LinkOverride>): LinkConfig {
  return {
    latency: { ...base.latency, ...override.latency },
    dropRate: override.dropRate ?? base.dropRate,
  };
}

/** The configured (not runtime) link from `from` to `to`. */
export function configuredLink(
  network: NetworkConfig,
  from: EndpointId,
  to: EndpointId,
): LinkConfig {
  let link = network.defaultLink;
  for (const o of network.links ?? []) {
    const forward = o.from === from && o.to === to;
    const backward = !o.oneWay && o.from === to && o.to === from;
    if (forward || backward) link = overrideLink(link, o);
  }
  return link;
}

/** A fresh link state with its own random stream. */
export function newLinkState(
  network: NetworkConfig,
  seed: number,
  from: EndpointId,
  to: EndpointId,
): LinkState {
  return {
    config: configuredLink(network, from, to),
    cut: false,
    lastDeliverAt: 0,
    rng: deriveStream(seed, `link:${from}>${to}`),
  };
}

/** Sample a one-way latency in whole milliseconds (at least 1). */
export function sampleLatencyMs(link: LinkState): number {
  const { baseMs, jitterMs, distribution } = link.config.latency;
  const u = nextFloat(link.rng);
  let jitter = 0;
  if (jitterMs > 0) {
    jitter =
      distribution === 'exponential'
        ? Math.min(-Math.log(1 - u) * jitterMs, 10 * jitterMs)
        : u * jitterMs;
  }
  return Math.max(1, Math.round(baseMs + jitter));
}

/** Delivery time of a message sent now on this link (FIFO: never before an earlier one). */
export function scheduleDelivery(link: LinkState, now: SimTimeMs): SimTimeMs {
  const deliverAt = Math.max(now + sampleLatencyMs(link), link.lastDeliverAt);
  link.lastDeliverAt = deliverAt;
  return deliverAt;
}

/** Draw whether a message on this link will be lost. Always draws, to keep the stream stable. */
export function drawUnlucky(link: LinkState): boolean {
  return nextFloat(link.rng) < link.config.dropRate;
}

/** Why a message arriving now does not get through, or null if it does. */
export function arrivalFailure(
  link: LinkState,
  unlucky: boolean,
  receiverUp: boolean,
  /** Neither end has crashed since the message was sent. */
  sameIncarnation: boolean,
): DropReason | null {
  if (!receiverUp || !sameIncarnation) return 'crash';
  if (link.cut) return 'partition';
  if (unlucky) return 'loss';
  return null;
}
