/**
 * What the inspector shows about the selected node, message or client: built from the session
 * at its current time, only for the one thing selected (the view itself stays small, since it
 * is rebuilt on every frame of playback).
 */

import { clientRuntime } from '../engine/endpoints';
import { historyOps } from '../engine/historyLog';
import { messageAt, messageIdAt, PAYLOAD_NOT_KEPT } from '../engine/messageLog';
import { inFlightRecord } from '../engine/messaging';
import type { ClientRuntime } from '../engine/state';
import type { ClientId, HistoryOp, NodeId, SimTimeMs, Value } from '../engine/types';
import type { LeaderlessClient } from '../protocols/leaderless/client';
import type { CopyView } from '../protocols/leaderless/outcome';
import type { MultiLeaderClient } from '../protocols/multi-leader/client';
import type { SingleLeaderClient } from '../protocols/single-leader/client';
import { leaderlessSim, multiLeaderSim, singleLeaderSim } from './families';
import { inspectLeaderlessNode, leaderlessClientRouting } from './families/leaderlessInspect';
import { type VersionGraph, versionGraph } from './families/leaderlessVersions';
import { inspectMultiLeaderNode, multiLeaderClientRouting } from './families/multiLeaderInspect';
import { inspectSingleLeaderNode, singleLeaderClientRouting } from './families/singleLeaderInspect';
import { replayedPayload } from './replayedPayload';
import type { Session } from './session';
import { type MessageView, messageView } from './view';

/** The inspector lists at most this many of the latest log entries and history entries. */
export const LOG_SHOWN = 200;
export const HISTORY_SHOWN = 200;

export interface LogEntryView {
  pos: number;
  epoch: number;
  key: string;
  value: Value;
  client: ClientId;
  appendedAt: SimTimeMs;
  /** Log formats: a statement write as this cluster's format ships it, one line per record. */
  format?: string[];
}

/**
 * A position on a node's log with a meaning, drawn after that entry. For a leader: every write
 * at or below it has been answered to its client (none still waits for a synchronous
 * follower). For a follower: the highest position its leader has an acknowledgement for.
 */
export interface LogMarker {
  pos: number;
  label: string;
}

/** How far one follower is, as its leader sees it. */
export interface FollowerProgress {
  id: NodeId;
  /** Highest position the follower acknowledged. */
  matchPos: number;
  /** When its last acknowledgement arrived; null if none yet. */
  lastAckAt: SimTimeMs | null;
  /** The leader waits for this follower before answering writes. */
  required: boolean;
}

export interface NodeInspection {
  kind: 'node';
  id: NodeId;
  /** The latest entries, oldest first. */
  log: LogEntryView[];
  /** Entries up to this position live only in a snapshot. */
  snapshotPos: number;
  marker: LogMarker | null;
  /** Leaders only: each follower's progress. */
  followers: FollowerProgress[];
  /** Log formats: the node's storage-engine version, once it has run or been given one. */
  engineVersion?: string;
  /** Log formats: why replication stopped here (a WAL record it cannot apply), if it did. */
  formatProblem?: string;
  /** Log formats: a trigger-based leader's changes table, and how far it has been shipped. */
  formatNote?: string;
  /** Leaderless: each key's copy, with its version vector and siblings. */
  copies: Array<CopyView & { key: string }>;
  /** Leaderless: writes kept for home replicas that could not be reached (hinted handoff). */
  hints: Array<{ home: NodeId; key: string; storedAt: SimTimeMs }>;
  /** Multi-leader: the node's replication queues. */
  queues?: MultiLeaderQueues;
}

/** What a multi-leader node sends, owes and holds back. */
export interface MultiLeaderQueues {
  datacenter: string;
  /** Leaders of the topology, then its own followers. */
  sendsTo: NodeId[];
  /** Changes not yet acknowledged, per receiver. */
  owed: Array<{ to: NodeId; count: number }>;
  /** Ids of changes received and waiting for their dependencies. */
  waiting: string[];
  applied: number;
  /**
   * A leader that was down when the operator re-routed: the leaders it will send to once it
   * restarts (null when nothing is pending).
   */
  onRestartSendsTo: NodeId[] | null;
}

export type MessageStatus = 'in-flight' | 'finished' | 'not-sent';

export interface MessageInspection {
  kind: 'message';
  id: string;
  status: MessageStatus;
  message: MessageView | null;
  /** The payload as indented JSON (shown as text, never as markup). */
  payloadText: string;
}

export interface ClientInspection {
  kind: 'client';
  id: ClientId;
  exists: boolean;
  pending: {
    f: 'read' | 'write';
    key: string;
    value: Value;
    target: NodeId;
    attempt: number;
    invokedAt: SimTimeMs;
    deadline: SimTimeMs;
  } | null;
  queued: number;
  /** The node this client sends writes to (learnt from redirects); null without a leader. */
  leaderHint: ClientRouting['leaderHint'];
  /** Where its reads go: `leader`, `any` replica, one named replica, or who coordinates. */
  reads: ClientRouting['reads'];
  /** The log position and epoch of its last acknowledged write, as the leader reported. */
  lastWrite: { pos: number; epoch: number | null; at: SimTimeMs } | null;
  /** Its latest history entries, oldest first. */
  history: HistoryOp[];
  historyTotal: number;
  /** Leaderless: the writes of the key of its latest operation, and how they are ordered. */
  versions: VersionGraph | null;
}

export type Inspection = NodeInspection | MessageInspection | ClientInspection;

/** What a client knows of where to send its operations, in words. */
export interface ClientRouting {
  leaderHint: string | null;
  reads: string;
}

function inspectNode(session: Session, id: NodeId): NodeInspection | null {
  const multi = multiLeaderSim(session);
  if (multi !== null) return inspectMultiLeaderNode(multi, id);
  const leaderless = leaderlessSim(session);
  if (leaderless !== null) return inspectLeaderlessNode(leaderless, id);
  const single = singleLeaderSim(session);
  return single === null ? null : inspectSingleLeaderNode(single, id);
}

function clientRouting(session: Session, client: ClientRuntime<unknown>): ClientRouting {
  if (multiLeaderSim(session) !== null) {
    return multiLeaderClientRouting(client.state as MultiLeaderClient);
  }
  if (leaderlessSim(session) !== null) {
    return leaderlessClientRouting(client.state as LeaderlessClient);
  }
  return singleLeaderClientRouting(client.state as SingleLeaderClient);
}

/**
 * Find a message by id at the current time: on the wire (in the event queue), finished (in the
 * message log), or not sent yet (after a step back past its sending).
 */
export function findMessage(
  session: Session,
  id: number,
): { status: MessageStatus; message: MessageView | null } {
  const { core, logs } = session.sim;
  if (!(id > 0 && id < core.nextMessageId)) return { status: 'not-sent', message: null };
  for (const event of core.queue) {
    if (event.type === 'deliver' && event.id === id) {
      return { status: 'in-flight', message: messageView(inFlightRecord(event, core.endpointIds)) };
    }
  }
  for (let i = logs.messages.count - 1; i >= 0; i--) {
    if (messageIdAt(logs.messages, i) !== id) continue;
    const message = messageView(messageAt(logs.messages, i));
    // Older messages' payloads are not kept: recompute this one by replay.
    if (message.payload === PAYLOAD_NOT_KEPT) message.payload = replayedPayload(session, id);
    return { status: 'finished', message };
  }
  return { status: 'not-sent', message: null };
}

function inspectMessage(session: Session, id: string): MessageInspection {
  const { status, message } = findMessage(session, Number(id));
  const payloadText = message === null ? '' : (JSON.stringify(message.payload, null, 2) ?? 'none');
  return { kind: 'message', id, status, message, payloadText };
}

function clientHistory(session: Session, id: ClientId) {
  const all = historyOps(session.sim.logs.history);
  const history: HistoryOp[] = [];
  let total = 0;
  let lastWrite: ClientInspection['lastWrite'] = null;
  for (let i = all.length - 1; i >= 0; i--) {
    const op = all[i] as HistoryOp;
    if (op.process !== id) continue;
    total++;
    if (history.length < HISTORY_SHOWN) history.push(op);
    if (
      lastWrite === null &&
      op.type === 'ok' &&
      op.f === 'write' &&
      typeof op.meta?.pos === 'number'
    ) {
      const epoch = op.meta.epoch;
      lastWrite = {
        pos: op.meta.pos,
        epoch: typeof epoch === 'number' ? epoch : null,
        at: op.time,
      };
    }
  }
  return { history: history.reverse(), total, lastWrite };
}

function inspectClient(
  session: Session,
  id: ClientId,
  versionsKey: string | null,
): ClientInspection {
  const client = clientRuntime(session.sim, id);
  const { history, total, lastWrite } = clientHistory(session, id);
  const current = client?.current ?? null;
  return {
    kind: 'client',
    id,
    exists: client !== undefined,
    pending:
      current === null
        ? null
        : {
            f: current.op.f,
            key: current.op.key,
            value: current.op.value ?? null,
            target: current.target,
            attempt: current.attempt,
            invokedAt: current.invokedAt,
            deadline: current.deadline,
          },
    queued: client === undefined ? 0 : client.queued.length - client.queuedHead,
    ...(client === undefined ? { leaderHint: null, reads: '' } : clientRouting(session, client)),
    lastWrite,
    history,
    historyTotal: total,
    versions: clientVersions(session, versionsKey ?? history[history.length - 1]?.key ?? null),
  };
}

/** The version graph of a key (leaderless sessions only). */
function clientVersions(session: Session, key: string | null): VersionGraph | null {
  const sim = leaderlessSim(session);
  return sim === null || key === null ? null : versionGraph(sim, key);
}

/** The inspector's content for a selection at the session's current time. */
export function inspect(
  session: Session,
  selection: { kind: 'node' | 'client' | 'message'; id: string } | null,
  /** Leaderless: the key whose versions a client's inspection shows (default: its last one). */
  versionsKey: string | null = null,
): Inspection | null {
  if (selection === null) return null;
  if (selection.kind === 'node') return inspectNode(session, selection.id);
  if (selection.kind === 'message') return inspectMessage(session, selection.id);
  return inspectClient(session, selection.id, versionsKey);
}

/** Deep equality for plain data: lets the store keep the old inspection when nothing changed. */
export function samePlainData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!samePlainData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) {
      return false;
    }
  }
  return true;
}
