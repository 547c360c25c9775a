/** The words that name a node, for its accessible name and its visible badges. */
import type { NodeView } from '../../store/view';
import { depthBadge, depthNameParts } from './depthLabel';

/** The parts of a node's state the picture shows; a small, flat object so it compares cheaply. */
export interface NodeSummary {
  id: string;
  isMonitor: boolean;
  role: string;
  lifecycle: string;
  mode: 'sync' | 'async' | null;
  /** The figure and caption in the node's centre, and the same in words for its name. */
  figure: number | null;
  caption: string;
  holding: string | null;
  lagPositions: number;
  epoch: number;
  /** Bootstrapping, reads, upstream and barrier, in words (see depthLabel.ts). */
  depthParts: string;
  depthBadge: string;
  depthTone: string;
  /** Home replicas whose writes this node holds as hints, comma-separated ('' for none). */
  parkedFor: string;
}

export function summarize(node: NodeView): NodeSummary {
  return {
    id: node.id,
    isMonitor: node.isMonitor,
    role: node.role,
    lifecycle: node.lifecycle,
    mode: node.mode,
    figure: node.holding?.figure ?? null,
    caption: node.holding?.caption ?? '',
    holding: node.holding?.words ?? null,
    lagPositions: node.lagPositions,
    epoch: node.epoch,
    depthParts: depthNameParts(node.depth).join(', '),
    depthBadge: depthBadge(node.depth)?.text ?? '',
    depthTone: depthBadge(node.depth)?.tone ?? '',
    parkedFor: (node.parkedFor ?? []).join(', '),
  };
}

/** Lifecycle states in which a node is up but not yet serving as a full replica. */
export function isTransitional(lifecycle: string): boolean {
  return lifecycle === 'recovering' || lifecycle === 'catchingUp' || lifecycle === 'bootstrapping';
}

/** Lifecycle names from the statechart, in words ("catchingUp" → "catching up"). */
export function lifecycleWords(lifecycle: string): string {
  return lifecycle.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A running node serving as a full replica is simply "up", as a person would say it. */
export function lifecycleName(lifecycle: string): string {
  return lifecycle === 'active' ? 'up' : lifecycleWords(lifecycle);
}

/** E.g. "follower-1, follower, sync, up, log position 12, 3 behind" or "n2, replica, up, 3 keys". */
export function nodeAccessibleName(n: NodeSummary): string {
  const parts = [n.id, n.role];
  if (n.mode !== null && !n.isMonitor) parts.push(n.mode);
  parts.push(lifecycleName(n.lifecycle));
  if (n.holding !== null) parts.push(n.holding);
  if (n.lagPositions > 0) parts.push(`${n.lagPositions} behind`);
  if (n.depthParts !== '') parts.push(n.depthParts);
  return parts.join(', ');
}
