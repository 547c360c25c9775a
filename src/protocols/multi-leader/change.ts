/**
 * A change: one client write as it travels between leaders. It carries the ids of the nodes it
 * has passed through (`path`), so no node sends it back where it came from, and the version
 * vector of everything its origin had applied when it took the write (`deps`), so a receiver
 * with causal delivery on can hold it until its dependencies are in.
 */
import type { ClientId, NodeId, Value } from '../../engine/types';
import type { VersionVector } from '../leaderless/versionVector';

/** What a change does to its key; each value kind has its own operations. */
export type Op =
  /** Register: set the value, overwriting the listed writes (what the origin held). */
  | { t: 'set'; value: Value; replaces: string[] }
  /** Register: `value = value + by`, a statement replayed on each replica (figure 5-9's update). */
  | { t: 'add-to'; by: number }
  /** Counter CRDT. */
  | { t: 'incr'; by: number }
  /** OR-set: add an item (tagged with the change id), or remove the tags the origin observed. */
  | { t: 'add'; item: string }
  | { t: 'remove'; item: string; tags: string[] }
  /** RGA: insert items after element `after` (null: at the start); delete elements. */
  | { t: 'ins'; after: string | null; items: { c: number; value: string }[] }
  | { t: 'del'; ids: string[] };

export interface Change {
  /** `${origin}:${counter}`, unique in the run. */
  id: string;
  origin: NodeId;
  counter: number;
  key: string;
  /** The origin leader's local clock when it took the write (what last-write-wins compares). */
  ts: number;
  deps: VersionVector;
  /** Nodes the change has passed through, origin first. */
  path: NodeId[];
  op: Op;
  /** The client operation behind it, for the report. */
  opId: number;
  client: ClientId;
  value: Value;
}

export function changeId(origin: NodeId, counter: number): string {
  return `${origin}:${counter}`;
}
