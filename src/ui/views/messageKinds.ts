/**
 * Message kinds grouped into the few categories the picture colours apart. Colours themselves
 * live in CSS (`.msg--<category>`), so the legend, the diagram and a later export share them.
 */
import { scaleOrdinal } from 'd3';

export type MessageCategory =
  | 'client'
  | 'response'
  | 'replication'
  | 'ack'
  | 'heartbeat'
  | 'snapshot'
  | 'control'
  | 'repair'
  | 'handoff'
  | 'anti-entropy';

/**
 * Categories in legend order, each with the kinds that fall in it; `protocols` names the
 * replication families that send them (all, when absent), so a legend lists only what can move.
 */
export const MESSAGE_CATEGORIES: ReadonlyArray<{
  category: MessageCategory;
  label: string;
  kinds: readonly string[];
  protocols?: readonly string[];
}> = [
  { category: 'client', label: 'Client request', kinds: ['write', 'read'] },
  { category: 'response', label: 'Response', kinds: ['response'] },
  // Leaderless: a coordinator's fan-out of a write (put) or a read (get) to the replicas;
  // multi-leader: a leader's changes to another datacenter's leader.
  {
    category: 'replication',
    label: 'Replication',
    kinds: [
      'replicate',
      'catch-up',
      'changes',
      'put',
      'get',
      'relay',
      'peer-catch-up',
      'promotion-entries',
    ],
  },
  {
    category: 'ack',
    label: 'Acknowledgement',
    kinds: ['ack', 'changes-ack', 'put-ack', 'get-reply'],
  },
  {
    category: 'heartbeat',
    label: 'Heartbeat',
    kinds: ['heartbeat', 'ping', 'pong', 'relay-heartbeat'],
    protocols: ['single-leader', 'multi-leader'],
  },
  {
    category: 'snapshot',
    label: 'Snapshot',
    kinds: ['snapshot', 'snapshot-request'],
    protocols: ['single-leader', 'multi-leader'],
  },
  {
    category: 'control',
    label: 'Control',
    kinds: [
      'fetch',
      'not-leader',
      'new-leader',
      'promote',
      'promoted',
      'position-query',
      'position',
      'restore-request',
      'restore-data',
      'promotion-fetch',
    ],
  },
  { category: 'repair', label: 'Read repair', kinds: ['read-repair'], protocols: ['leaderless'] },
  {
    category: 'handoff',
    label: 'Hinted handoff',
    kinds: ['handoff', 'handoff-ack'],
    protocols: ['leaderless'],
  },
  {
    category: 'anti-entropy',
    label: 'Anti-entropy',
    kinds: ['ae-tree', 'ae-diff', 'ae-push'],
    protocols: ['leaderless'],
  },
];

/** The categories a protocol's messages fall in, in legend order. */
export function categoriesFor(protocol: string) {
  return MESSAGE_CATEGORIES.filter(
    (c) => c.protocols === undefined || c.protocols.includes(protocol),
  );
}

const byKind = scaleOrdinal<string, MessageCategory>()
  .domain(MESSAGE_CATEGORIES.flatMap((c) => c.kinds))
  .range(MESSAGE_CATEGORIES.flatMap((c) => c.kinds.map(() => c.category)))
  // A kind a future protocol adds is still drawn, as control traffic, rather than dropped.
  .unknown<MessageCategory>('control');

export function categoryOf(kind: string): MessageCategory {
  return byKind(kind);
}
