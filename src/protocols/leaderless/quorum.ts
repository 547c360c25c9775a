/**
 * One quorum operation, whoever runs it: a coordinator node (`coordinator.ts`) or a client that
 * coordinates itself (`clientCoordinator.ts`). The runner fans a write (or a read) out to the
 * key's n home replicas and answers after w acknowledgements (r replies). A replica that does not
 * answer within `replicaTimeoutMs` counts as unreachable — nobody peeks at who is up — and with a
 * sloppy quorum the next node on the ring is asked instead, holding a hint for the missing one.
 * A write that cannot gather w acknowledgements is reported failed but is not rolled back.
 */
import type { ClientRequest, ClientResult } from '../../engine/protocol';
import type { NodeId, Value } from '../../engine/types';
import type { LeaderlessConfig } from './config';
import type { Get, Put } from './messages';
import { readRepair } from './readRepair';
import { encodeSiblings } from './siblingValues';
import type { Ctx, QuorumOp } from './state';
import { hintId, placementOf } from './state';
import { EMPTY_OBJECT, mergeObjects, type Versioned } from './versioned';
import { dotLabel, EMPTY_VV } from './versionVector';

/** Who runs a quorum operation: what it can do, and where it keeps its operations. */
export interface QuorumHost {
  readonly self: string;
  readonly config: LeaderlessConfig;
  readonly nodeIds: readonly NodeId[];
  send(to: NodeId, kind: string, payload: unknown): number;
  setTimer(name: string, delayMs: number): void;
  cancelTimer(name: string): void;
  emit(name: string, detail?: unknown): void;
  readonly ops: Record<number, QuorumOp>;
  /** A coordinator node, which answers its own part at once; null for a client. */
  readonly replica: Ctx | null;
  /** Give the client its answer. */
  respond(op: QuorumOp, result: ClientResult): void;
}

function timerName(op: QuorumOp): string {
  return `quorum:${op.id}`;
}

/** Register a new quorum operation under `id` (the host's own numbering). */
export function startQuorumOp(
  host: QuorumHost,
  id: number,
  kind: QuorumOp['kind'],
  request: ClientRequest,
): QuorumOp {
  const { spares } = placementOf(host, request.key);
  const op: QuorumOp = {
    id,
    kind,
    request,
    key: request.key,
    needed: kind === 'write' ? host.config.w : host.config.r,
    asked: [],
    spares,
    acks: [],
    replies: [],
    obj: null,
    dot: null,
    context: EMPTY_VV,
    answered: false,
  };
  host.ops[id] = op;
  return op;
}

/** Keep a hint for `home`: this node holds the key's copy on its behalf. */
export function holdHint(ctx: Ctx, home: string, key: string): void {
  const id = hintId(home, key);
  if (ctx.state.hints[id] === undefined) {
    ctx.state.hints[id] = { home, key, storedAt: ctx.now };
    ctx.emit('hint-stored', { home, key });
  }
}

/** Ask `target` (a coordinator node answering itself at once) to store the write or return its copy. */
function ask(host: QuorumHost, op: QuorumOp, target: string, hintFor: string | null): void {
  const replica = host.replica;
  const self = replica !== null && target === replica.self;
  op.asked.push({ node: target, hintFor, answered: self, timedOut: false });
  if (op.kind === 'write') {
    const obj = op.obj ?? EMPTY_OBJECT;
    if (self) {
      if (hintFor !== null) holdHint(replica, hintFor, op.key);
      op.acks.push(target);
      return;
    }
    const put: Put =
      replica === null
        ? { op: op.id, key: op.key, obj, hintFor, wantCopy: true }
        : { op: op.id, key: op.key, obj, hintFor };
    host.send(target, 'put', put);
    return;
  }
  if (self) {
    op.replies.push({ node: target, obj: replica.state.data[op.key] ?? null });
    return;
  }
  const get: Get = { op: op.id, key: op.key };
  host.send(target, 'get', get);
}

/** Send the operation to the key's home replicas and wait for them. */
export function fanOut(host: QuorumHost, op: QuorumOp): void {
  for (const home of placementOf(host, op.key).home) ask(host, op, home, null);
  if (op.asked.some((a) => !a.answered)) host.setTimer(timerName(op), host.config.replicaTimeoutMs);
  settle(host, op);
}

/** A replica answered a put (with its copy, if asked) or a get. */
export function onReplicaAnswer(
  host: QuorumHost,
  from: string,
  opId: number,
  obj?: Versioned | null,
): void {
  const op = host.ops[opId];
  if (op === undefined) return;
  const asked = op.asked.find((a) => a.node === from && !a.answered);
  if (asked === undefined) return;
  asked.answered = true;
  if (op.kind === 'write') {
    op.acks.push(from);
    // A coordinating client has no copy of its own: what the replicas hold after the write
    // (its value and any concurrent siblings) is what it learns.
    if (obj) op.obj = mergeObjects(op.obj ?? EMPTY_OBJECT, obj, host.config.conflicts).obj;
  } else op.replies.push({ node: from, obj: obj ?? null });
  settle(host, op);
}

/** Replicas that have not answered in time are unreachable: try stand-ins, or give up on them. */
export function onQuorumTimer(host: QuorumHost, opId: number): void {
  const op = host.ops[opId];
  if (op === undefined) return;
  for (const a of [...op.asked]) {
    if (a.answered || a.timedOut) continue;
    a.timedOut = true;
    if (!host.config.sloppyQuorum) continue;
    const spare = op.spares.shift();
    if (spare !== undefined) ask(host, op, spare, a.hintFor ?? a.node);
  }
  if (op.asked.some((a) => !a.answered && !a.timedOut))
    host.setTimer(timerName(op), host.config.replicaTimeoutMs);
  settle(host, op);
}

function mergedReplies(host: QuorumHost, op: QuorumOp): Versioned {
  let merged = EMPTY_OBJECT;
  for (const r of op.replies) {
    if (r.obj !== null) merged = mergeObjects(merged, r.obj, host.config.conflicts).obj;
  }
  return merged;
}

function siblingsMeta(obj: Versioned): string {
  return JSON.stringify(obj.siblings.map((s) => s.value));
}

function writeResult(op: QuorumOp, ok: boolean): ClientResult {
  const count = op.acks.length;
  const obj = op.obj ?? EMPTY_OBJECT;
  const meta = {
    dot: op.dot === null ? '' : dotLabel(op.dot),
    version: JSON.stringify(obj.vv),
    context: JSON.stringify(op.context),
    siblings: siblingsMeta(obj),
    acks: count,
    ackedBy: op.acks.join(','),
    hinted: op.asked.filter((a) => a.hintFor !== null && a.answered).length,
  };
  if (ok) return { type: 'ok', meta };
  const error = `only ${count} of the ${op.needed} acknowledgements needed (w); the write stays on ${op.acks.join(', ') || 'no replica'}`;
  return { type: 'fail', error, meta };
}

function readResult(host: QuorumHost, op: QuorumOp, ok: boolean): ClientResult {
  const count = op.replies.length;
  if (!ok) {
    const error = `only ${count} of the ${op.needed} replies needed (r)`;
    return { type: 'fail', error, meta: { replies: count } };
  }
  const merged = mergedReplies(host, op);
  return {
    type: 'ok',
    value: encodeRead(merged),
    meta: {
      version: JSON.stringify(merged.vv),
      siblings: siblingsMeta(merged),
      replies: count,
      repliedBy: op.replies.map((r) => r.node).join(','),
    },
  };
}

function encodeRead(obj: Versioned): Value {
  return encodeSiblings(obj.siblings.map((s) => s.value));
}

/** Answer the client once the quorum is met or cannot be; finish once nobody is left to hear from. */
function settle(host: QuorumHost, op: QuorumOp): void {
  const count = op.kind === 'write' ? op.acks.length : op.replies.length;
  if (!op.answered && count >= op.needed) answer(host, op, true);
  if (op.asked.some((a) => !a.answered && !a.timedOut)) return;
  if (!op.answered) answer(host, op, false);
  if (op.kind === 'read' && host.config.readRepair) readRepair(host, op, mergedReplies(host, op));
  delete host.ops[op.id];
  host.cancelTimer(timerName(op));
}

function answer(host: QuorumHost, op: QuorumOp, ok: boolean): void {
  op.answered = true;
  host.respond(op, op.kind === 'write' ? writeResult(op, ok) : readResult(host, op, ok));
}
