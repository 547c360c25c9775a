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
  | 'control';

/** Categories in legend order, each with the kinds that fall in it. */
export const MESSAGE_CATEGORIES: ReadonlyArray<{
  category: MessageCategory;
  label: string;
  kinds: readonly string[];
}> = [
  { category: 'client', label: 'Client request', kinds: ['write', 'read'] },
  { category: 'response', label: 'Response', kinds: ['response'] },
  { category: 'replication', label: 'Replication', kinds: ['replicate', 'catch-up', 'changes'] },
  { category: 'ack', label: 'Acknowledgement', kinds: ['ack', 'changes-ack'] },
  { category: 'heartbeat', label: 'Heartbeat', kinds: ['heartbeat', 'ping', 'pong'] },
  { category: 'snapshot', label: 'Snapshot', kinds: ['snapshot', 'snapshot-request'] },
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
    ],
  },
];

const byKind = scaleOrdinal<string, MessageCategory>()
  .domain(MESSAGE_CATEGORIES.flatMap((c) => c.kinds))
  .range(MESSAGE_CATEGORIES.flatMap((c) => c.kinds.map(() => c.category)))
  // A kind a future protocol adds is still drawn, as control traffic, rather than dropped.
  .unknown<MessageCategory>('control');

export function categoryOf(kind: string): MessageCategory {
  return byKind(kind);
}
