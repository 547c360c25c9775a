/**
 * The immutable picture of a session at its current time, rebuilt after every change. React
 * components and D3 layers read only this, never the mutable simulation underneath.
 */

import type { CheckerState, Finding } from '../checker';
import { historyOps } from '../engine/historyLog';
import { type MessageRecord, messageAt } from '../engine/messageLog';
import { configuredLink } from '../engine/network';
import { clientRuntimes, linkStatus, messagesInFlight, queuedOps } from '../engine/simulation';
import { formatHash } from '../engine/traceHash';
import type { ClientOp, HistoryOp, NodeId, SimTimeMs } from '../engine/types';
import { currentAnomalies, sessionChecker } from './anomalies';
import { multiLeaderSim, nodeViews, withFamilyFindings } from './families';
import { type ConflictView, conflictsSoFar } from './families/multiLeaderConflicts';
import { multiLeaderRoutes, type RouteView, routesKey } from './families/multiLeaderRoutes';
import type { NodeView } from './nodeView';
import type { Session } from './session';

export type { RouteView } from './families/multiLeaderRoutes';
export type { NodeView } from './nodeView';

export interface ClientView {
  id: string;
  pending: (ClientOp & { target: NodeId; since: SimTimeMs }) | null;
  queued: number;
}

/** One direction of a link, as it is now. */
export interface LinkView {
  from: string;
  to: string;
  baseMs: number;
  jitterMs: number;
  dropRate: number;
  /** Partitioned in this direction. */
  cut: boolean;
  /** Much slower than the scenario's default link: a lag spike or a slow WAN link. */
  slow: boolean;
  /** The latency the scenario gives this direction, before any user or scripted change. */
  scenarioBaseMs: number;
  scenarioJitterMs: number;
}

/** A link counts as slow when its base latency exceeds the default's by this factor. */
export const SLOW_LINK_FACTOR = 3;

export type MessageView = Pick<
  MessageRecord,
  'id' | 'kind' | 'from' | 'to' | 'sentAt' | 'deliverAt' | 'fate' | 'payload'
> & {
  dropReason?: string;
};

export interface SimView {
  t: SimTimeMs;
  durationMs: SimTimeMs;
  eventsProcessed: number;
  /** The trace hash so far (hex): equal for every replay of the same run, in Node or a browser. */
  traceHash: string;
  ended: boolean;
  nodes: NodeView[];
  clients: ClientView[];
  /** Every direction between two nodes, and between each client and each node. */
  links: LinkView[];
  inFlight: MessageView[];
  /** Messages that failed to arrive in the last moments, drawn falling away. */
  recentDrops: MessageView[];
  history: HistoryOp[];
  /** Consistency anomalies in the history so far (the live checker's findings). */
  anomalies: readonly Finding[];
  /** Multi-leader: the conflicts found so far (empty for other families). */
  conflicts: readonly ConflictView[];
  /** Multi-leader: who sends changes to whom now (empty for other families). */
  routes: readonly RouteView[];
  narrationIndex: number;
}

/** How long (sim ms) a dropped message stays visible as it falls away. */
export const DROP_VISIBLE_MS = 60;

/** A finished or in-flight message as the views show it. */
export function messageView(m: MessageRecord): MessageView {
  const view: MessageView = {
    id: m.id,
    kind: m.kind,
    from: m.from,
    to: m.to,
    sentAt: m.sentAt,
    deliverAt: m.deliverAt,
    fate: m.fate,
    payload: m.payload,
  };
  if (m.dropReason) view.dropReason = m.dropReason;
  return view;
}

/**
 * Parts of the view that change only now and then, kept per session so that a frame in which
 * only messages moved does not rebuild them. Link state changes only when an input is applied
 * (partition, heal, set-link), so the inputs applied so far identify it; the history only grows
 * between restores, and a replay of the same inputs regrows it identically.
 */
interface ViewCache {
  linksKey: string;
  links: LinkView[];
  historyKey: string;
  history: HistoryOp[];
  /** The live checker, fed the history as it grows (it starts over after time travel). */
  checker: CheckerState | null;
  /** Its findings as last published, and the array they were copied from. */
  anomalies: readonly Finding[];
  anomaliesSource: readonly Finding[] | null;
  routesKey: string;
  routes: readonly RouteView[];
}
const caches = new WeakMap<Session, ViewCache>();

function cacheFor(session: Session): ViewCache {
  let cache = caches.get(session);
  if (cache === undefined) {
    cache = {
      linksKey: '',
      links: [],
      historyKey: '',
      history: [],
      checker: null,
      anomalies: [],
      anomaliesSource: null,
      routesKey: '',
      routes: [],
    };
    caches.set(session, cache);
  }
  return cache;
}

function cachedLinks(session: Session): LinkView[] {
  const cache = cacheFor(session);
  const { sim } = session;
  const key = `${sim.inputs.length}:${sim.core.inputCursor}:${sim.core.nodeIds.length}`;
  if (cache.linksKey !== key) {
    cache.links = linkViews(session);
    cache.linksKey = key;
  }
  return cache.links;
}

function cachedHistory(session: Session): HistoryOp[] {
  const cache = cacheFor(session);
  const key = `${session.userInputs.length}:${session.sim.logs.history.count}`;
  if (cache.historyKey !== key) {
    cache.history = [...historyOps(session.sim.logs.history)];
    cache.historyKey = key;
  }
  return cache.history;
}

/** The anomalies the checker has found so far; the same array while nothing new was found. */
function cachedAnomalies(session: Session): readonly Finding[] {
  const cache = cacheFor(session);
  cache.checker ??= sessionChecker(session);
  const found = currentAnomalies(cache.checker, session);
  if (found !== cache.anomaliesSource || found.length !== cache.anomalies.length) {
    cache.anomalies = [...found];
    cache.anomaliesSource = found;
  }
  return cache.anomalies;
}

/** The routes now; the same array while they are unchanged, so the links re-render only then. */
function cachedRoutes(session: Session): readonly RouteView[] {
  const sim = multiLeaderSim(session);
  if (sim === null) return [];
  const cache = cacheFor(session);
  const routes = multiLeaderRoutes(sim);
  const key = routesKey(routes);
  if (cache.routesKey !== key) {
    cache.routes = routes;
    cache.routesKey = key;
  }
  return cache.routes;
}

function linkViews(session: Session): LinkView[] {
  const { sim } = session;
  const defaultBase = sim.config.network.defaultLink.latency.baseMs;
  const nodeIds = sim.core.nodeIds;
  const clientIds = clientRuntimes(sim).map((c) => c.id);
  const pairs: Array<[string, string]> = [];
  for (const a of nodeIds) for (const b of nodeIds) if (a !== b) pairs.push([a, b]);
  for (const c of clientIds) for (const n of nodeIds) pairs.push([c, n], [n, c]);
  return pairs.map(([from, to]) => {
    const { config, cut } = linkStatus(sim, from, to);
    const { baseMs, jitterMs } = config.latency;
    const scenarioLatency = configuredLink(sim.config.network, from, to).latency;
    return {
      from,
      to,
      baseMs,
      jitterMs,
      dropRate: config.dropRate,
      cut,
      slow: baseMs > SLOW_LINK_FACTOR * Math.max(1, defaultBase),
      scenarioBaseMs: scenarioLatency.baseMs,
      scenarioJitterMs: scenarioLatency.jitterMs,
    };
  });
}

export function buildView(session: Session): SimView {
  const { sim, scenario } = session;
  const { core } = sim;
  const t = core.now;
  const nodes = nodeViews(session);
  const clients: ClientView[] = clientRuntimes(sim).map((c) => ({
    id: c.id,
    pending: c.current
      ? { ...c.current.op, target: c.current.target, since: c.current.invokedAt }
      : null,
    queued: queuedOps(c),
  }));
  const recentDrops: MessageView[] = [];
  for (let i = sim.logs.messages.count - 1; i >= 0; i--) {
    const m = messageAt(sim.logs.messages, i);
    if (m.deliverAt < t - DROP_VISIBLE_MS) break;
    if (m.fate !== 'delivered') recentDrops.push(messageView(m));
  }
  let narrationIndex = -1;
  scenario.narration.forEach((step, i) => {
    if (step.at <= t) narrationIndex = i;
  });
  return {
    t,
    durationMs: scenario.durationMs,
    eventsProcessed: core.eventsProcessed,
    traceHash: formatHash(core.traceHash),
    ended: t >= scenario.durationMs,
    nodes,
    clients,
    links: cachedLinks(session),
    inFlight: messagesInFlight(sim).map(messageView),
    recentDrops,
    history: cachedHistory(session),
    anomalies: withFamilyFindings(session, cachedAnomalies(session)),
    conflicts: conflictsSoFar(session),
    routes: cachedRoutes(session),
    narrationIndex,
  };
}
