/**
 * How a link between two endpoints looks, from the state of its two directions: its latency as a
 * label, slow links marked, partitioned ones cut (and which way, for a one-way partition). Pure,
 * so the rules are tested without drawing.
 */
import type { LinkView } from '../../store/view';

export interface LinkLooks {
  /** Both directions partitioned. */
  cut: boolean;
  /** Exactly one direction partitioned: the one that no longer carries messages. */
  cutOneWay: { from: string; to: string } | null;
  slow: boolean;
  /** Short text at the link's middle, or null to leave the link unlabelled. */
  label: string | null;
  /** The full story, for the tooltip. */
  description: string;
}

const ms = (link: LinkView) => `${link.baseMs} ms`;

function directionText(link: LinkView): string {
  const jitter = link.jitterMs > 0 ? ` ± ${link.jitterMs}` : '';
  const drop = link.dropRate > 0 ? `, ${(link.dropRate * 100).toFixed(1)}% lost` : '';
  const state = link.cut ? ', cut by a partition' : '';
  return `${link.from} → ${link.to}: ${link.baseMs} ms${jitter}${drop}${state}`;
}

/**
 * @param showLatency label healthy links with their latency too (small clusters); slow and cut
 *   links are labelled always.
 */
export function linkLooks(ab: LinkView, ba: LinkView, showLatency: boolean): LinkLooks {
  const cut = ab.cut && ba.cut;
  const oneWay = ab.cut !== ba.cut ? (ab.cut ? ab : ba) : null;
  const slow = ab.slow || ba.slow;
  const latency = ab.baseMs === ba.baseMs ? ms(ab) : `${ab.baseMs} / ${ba.baseMs} ms`;
  let label: string | null = null;
  if (cut) label = 'cut';
  else if (oneWay) label = `${oneWay.from} ↛ ${oneWay.to}`;
  else if (slow) label = `slow · ${latency}`;
  else if (showLatency) label = latency;
  return {
    cut,
    cutOneWay: oneWay ? { from: oneWay.from, to: oneWay.to } : null,
    slow,
    label,
    description: `${directionText(ab)}; ${directionText(ba)}`,
  };
}

/** Key for looking a direction up: `from>to`. */
export const directionKey = (from: string, to: string) => `${from}>${to}`;
