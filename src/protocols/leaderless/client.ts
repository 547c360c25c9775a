/**
 * The client side: choose a coordinator for each operation, remember the version and siblings it
 * last saw per key (from a read or from a write's answer), and send that version with its next
 * write — the read-before-write of the chapter's shopping cart. With set values the client is the
 * application that merges siblings: it unions what it saw and applies its edit.
 */
import type { ClientResult, RoutingView } from '../../engine/protocol';
import { pick } from '../../engine/rng';
import type { ClientId, ClientOp, NodeId, Value } from '../../engine/types';
import type { CoordinatorChoice, LeaderlessConfig, ValueKind } from './config';
import type { WriteSession } from './coordinator';
import { parseJsonOr } from './json';
import { buildRing, walkFrom } from './ring';
import { editSet } from './siblingValues';
import type { QuorumOp } from './state';
import type { VersionVector } from './versionVector';

export interface SeenVersion {
  context: VersionVector;
  siblings: Value[];
}

export interface LeaderlessClient {
  id: ClientId;
  coordinator: CoordinatorChoice;
  values: ValueKind;
  vnodes: number;
  avoidMs: number;
  seen: Record<string, SeenVersion>;
  /** Nodes it timed out on, and until when it routes around them. */
  avoid: Record<NodeId, number>;
  /** Operations it coordinates itself (`coordinator: "client"`), until every replica answered. */
  ops: Record<number, QuorumOp>;
  /** The last version counter it stamped per key, as a coordinating client. */
  issued: Record<string, number>;
}

export function initClient(id: ClientId, config: LeaderlessConfig): LeaderlessClient {
  return {
    id,
    coordinator: config.clientCoordinators?.[id] ?? config.coordinator,
    values: config.values,
    vnodes: config.vnodes,
    avoidMs: config.clientAvoidMs,
    seen: {},
    avoid: {},
    ops: {},
    issued: {},
  };
}

export function routeOp(client: LeaderlessClient, op: ClientOp, view: RoutingView): NodeId {
  const choice = client.coordinator;
  if (typeof choice === 'object') return choice.node;
  if (choice === 'any') return pick(view.rng, view.nodeIds);
  // `client` coordinates itself and never asks for a route; `preferred` is a safe answer.
  const walk = walkFrom(buildRing(view.nodeIds, client.vnodes), op.key);
  return walk.find((id) => (client.avoid[id] ?? -1) <= view.now) ?? (walk[0] as NodeId);
}

export function learn(client: LeaderlessClient, op: ClientOp, result: ClientResult, from: NodeId) {
  if (result.type !== 'ok') return;
  delete client.avoid[from];
  const meta = result.meta ?? {};
  client.seen[op.key] = {
    context: parseJsonOr<VersionVector>(meta.version, {}),
    siblings: parseJsonOr<Value[]>(meta.siblings, []),
  };
}

export function afterTimeout(client: LeaderlessClient, target: NodeId, view: RoutingView): void {
  client.avoid[target] = view.now + client.avoidMs;
}

/** A write carries the version last seen for its key and, for sets, the merged edited value. */
export function sessionFor(client: LeaderlessClient, op: ClientOp): WriteSession | undefined {
  if (op.f !== 'write') return undefined;
  const seen = client.seen[op.key];
  const session: WriteSession = { context: seen?.context ?? {} };
  if (client.values === 'set') session.value = editSet(seen?.siblings ?? [], op.value ?? null);
  return session;
}
