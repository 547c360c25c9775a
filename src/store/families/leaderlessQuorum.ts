/**
 * The quorum picture of one leaderless operation: the replicas that acknowledged a write (the
 * first w, as the coordinator counted them), the replicas whose replies a read used (the first
 * r), and the replicas in both. A write is paired with the first read of its key that began
 * after the write was acknowledged; a read with the last write of its key acknowledged before
 * the read began: the pair the rule w + r > n speaks about.
 */
import { clientRuntimes, nodeRuntime } from '../../engine/endpoints';
import type { HistoryOp, NodeId, Value } from '../../engine/types';
import type { LeaderlessSim } from '../../protocols/leaderless/outcome';
import type { QuorumOp } from '../../protocols/leaderless/state';

export interface QuorumSide {
  opId: number;
  client: string;
  /** The value written, or read. */
  value: Value;
  outcome: HistoryOp['type'];
  /** Replicas counted towards the quorum, in the order they answered. */
  nodes: NodeId[];
}

export interface QuorumPicture {
  /** The operation asked about. */
  opId: number;
  key: string;
  write: QuorumSide | null;
  read: QuorumSide | null;
  /** Replicas that took the write and answered the read. */
  overlap: NodeId[];
}

const list = (text: unknown): NodeId[] =>
  typeof text === 'string' && text !== '' ? text.split(',') : [];

interface OpEntries {
  invoke: HistoryOp;
  done: HistoryOp | null;
}

function entriesOf(history: readonly HistoryOp[], opId: number): OpEntries | null {
  let invoke: HistoryOp | null = null;
  let done: HistoryOp | null = null;
  for (const h of history) {
    if (h.opId !== opId) continue;
    if (h.type === 'invoke') invoke = h;
    else done = h;
  }
  return invoke === null ? null : { invoke, done };
}

/** While an operation waits, the replicas its coordinator has heard from so far (null: unknown). */
export type LiveQuorum = (opId: number) => NodeId[] | null;

function side({ invoke, done }: OpEntries, live: LiveQuorum): QuorumSide {
  const nodes =
    done === null
      ? (live(invoke.opId) ?? [])
      : list(done.meta?.[invoke.f === 'write' ? 'ackedBy' : 'repliedBy']);
  return {
    opId: invoke.opId,
    client: invoke.process,
    value: invoke.f === 'write' ? invoke.value : (done?.value ?? null),
    outcome: done?.type ?? 'invoke',
    nodes,
  };
}

/** The last write of the key acknowledged before `t`. */
function lastWriteBefore(history: readonly HistoryOp[], key: string, t: number): OpEntries | null {
  let found: HistoryOp | null = null;
  for (const h of history) {
    if (h.key === key && h.f === 'write' && h.type === 'ok' && h.time < t) found = h;
  }
  return found === null ? null : entriesOf(history, found.opId);
}

/** The first read of the key invoked after `t`. */
function firstReadAfter(history: readonly HistoryOp[], key: string, t: number): OpEntries | null {
  const found = history.find(
    (h) => h.key === key && h.f === 'read' && h.type === 'invoke' && h.time > t,
  );
  return found === undefined ? null : entriesOf(history, found.opId);
}

/** The picture for `opId`, or null when the history has no such operation. */
export function quorumPicture(
  history: readonly HistoryOp[],
  opId: number,
  live: LiveQuorum = () => null,
): QuorumPicture | null {
  const op = entriesOf(history, opId);
  if (op === null) return null;
  const { key, f } = op.invoke;
  let writeOp: OpEntries | null = null;
  let readOp: OpEntries | null = null;
  if (f === 'write') {
    writeOp = op;
    readOp = op.done?.type === 'ok' ? firstReadAfter(history, key, op.done.time) : null;
  } else {
    readOp = op;
    writeOp = lastWriteBefore(history, key, op.invoke.time);
  }
  const write = writeOp === null ? null : side(writeOp, live);
  const read = readOp === null ? null : side(readOp, live);
  const overlap =
    write === null || read === null ? [] : write.nodes.filter((n) => read.nodes.includes(n));
  return { opId, key, write, read, overlap };
}

/** A replica's part in the picture. */
export type QuorumRole = 'write' | 'read' | 'both' | null;

export function quorumRole(picture: QuorumPicture | null, node: NodeId): QuorumRole {
  if (picture === null) return null;
  const wrote = picture.write?.nodes.includes(node) ?? false;
  const read = picture.read?.nodes.includes(node) ?? false;
  return wrote && read ? 'both' : wrote ? 'write' : read ? 'read' : null;
}

function heardFrom(ops: Record<number, QuorumOp>, opId: number): NodeId[] | null {
  for (const op of Object.values(ops)) {
    if (op.request.opId !== opId || op.answered) continue;
    return op.kind === 'write' ? [...op.acks] : op.replies.map((r) => r.node);
  }
  return null;
}

/**
 * The live counterpart from the coordinators' state (nodes', or a coordinating client's own):
 * who acknowledged or replied so far.
 */
export function liveQuorum(sim: LeaderlessSim): LiveQuorum {
  return (opId) => {
    for (const id of sim.core.nodeIds) {
      const node = nodeRuntime(sim, id);
      if (node === undefined || !node.up) continue;
      const heard = heardFrom(node.state.ops, opId);
      if (heard !== null) return heard;
    }
    for (const client of clientRuntimes(sim)) {
      const heard = heardFrom(client.state.ops, opId);
      if (heard !== null) return heard;
    }
    return null;
  };
}

/** Does the picture show an operation still waiting (so it can change without the history)? */
export function pictureWaits(picture: QuorumPicture | null): boolean {
  return picture?.write?.outcome === 'invoke' || picture?.read?.outcome === 'invoke';
}
