/** One write of a version graph in words, e.g. "db:3 client-1 wrote flour: overwrites db:1; …". */
import type { Value } from '../../../engine/types';
import type { VersionNode } from '../../../store/families/leaderlessVersions';

export function versionLine(w: VersionNode, valueText: (v: Value) => string): string {
  const parts = [`${w.dot} ${w.client} wrote ${valueText(w.wrote)}`];
  const facts: string[] = [];
  facts.push(w.after.length === 0 ? 'overwrites nothing' : `overwrites ${w.after.join(', ')}`);
  if (w.concurrentWith.length > 0) facts.push(`concurrent with ${w.concurrentWith.join(', ')}`);
  if (w.sibling !== undefined) facts.push(`a sibling now: ${valueText(w.sibling)}`);
  if (w.discardedFor !== undefined)
    facts.push(`discarded by last write wins for ${w.discardedFor}`);
  return `${parts.join('')}: ${facts.join('; ')}`;
}

export interface PlacedWrite {
  node: VersionNode;
  x: number;
  y: number;
}

export const VERSION_ROW_PX = 40;
export const VERSION_COLUMN_PX = 96;
const LEFT_PX = 48;
const TOP_PX = 22;

/** A column per client (in order of their first write), a row per write, as figure 5-13 draws it. */
export function placeWrites(writes: readonly VersionNode[]): {
  placed: PlacedWrite[];
  clients: string[];
  width: number;
  height: number;
} {
  const clients: string[] = [];
  for (const w of writes) if (!clients.includes(w.client)) clients.push(w.client);
  const placed = writes.map((node, i) => ({
    node,
    x: LEFT_PX + clients.indexOf(node.client) * VERSION_COLUMN_PX,
    y: TOP_PX + i * VERSION_ROW_PX + 12,
  }));
  return {
    placed,
    clients,
    width: LEFT_PX * 2 + Math.max(0, clients.length - 1) * VERSION_COLUMN_PX,
    height: TOP_PX + writes.length * VERSION_ROW_PX,
  };
}
