/**
 * What differs between replication families in the store: how their nodes look, and the
 * anomalies a family finds beyond the generic checker (leaderless sibling reads). Everything
 * else (playback, checkpoints, links, messages, clients, history) is the engine's and works for
 * all of them. A family's module is chosen by the scenario's `protocol`.
 */
import type { Finding } from '../../checker';
import type { LeaderlessSim } from '../../protocols/leaderless/outcome';
import type { MultiLeaderSim } from '../../protocols/multi-leader/outcome';
import type { SingleLeaderSim } from '../../protocols/single-leader/outcome';
import type { NodeView } from '../nodeView';
import type { Session } from '../session';
import { leaderlessFindings } from './leaderlessAnomalies';
import { leaderlessNodeViews } from './leaderlessNodes';
import { multiLeaderNodeViews } from './multiLeaderNodes';
import { singleLeaderNodeViews } from './singleLeaderNodes';

/** The session's simulation, typed, when it runs single-leader replication. */
export function singleLeaderSim(session: Session): SingleLeaderSim | null {
  return session.scenario.protocol === 'single-leader' ? (session.sim as SingleLeaderSim) : null;
}

/** The session's simulation, typed, when it runs leaderless replication. */
export function leaderlessSim(session: Session): LeaderlessSim | null {
  return session.scenario.protocol === 'leaderless' ? (session.sim as LeaderlessSim) : null;
}

/** The session's simulation, typed, when it runs multi-leader replication. */
export function multiLeaderSim(session: Session): MultiLeaderSim | null {
  return session.scenario.protocol === 'multi-leader' ? (session.sim as MultiLeaderSim) : null;
}

export function nodeViews(session: Session): NodeView[] {
  const multi = multiLeaderSim(session);
  if (multi !== null) return multiLeaderNodeViews(multi);
  const leaderless = leaderlessSim(session);
  if (leaderless !== null) return leaderlessNodeViews(leaderless);
  return singleLeaderNodeViews(session.sim as SingleLeaderSim);
}

interface FindingsCache {
  key: string;
  generic: readonly Finding[];
  all: readonly Finding[];
}
const findingsCaches = new WeakMap<Session, FindingsCache>();

const sameFindings = (a: readonly Finding[], b: readonly Finding[]) =>
  a.length === b.length && a.every((f, i) => f.explanation === b[i]?.explanation);

/**
 * The generic checker's findings plus what the session's family finds on its own (leaderless:
 * see leaderlessAnomalies.ts); the same array while nothing changed, so panels keep still.
 */
export function withFamilyFindings(
  session: Session,
  generic: readonly Finding[],
): readonly Finding[] {
  const sim = leaderlessSim(session);
  if (sim === null) return generic;
  // The history and the trace (where LWW discards are recorded) only grow between restores.
  const key = `${sim.logs.history.count}:${sim.logs.trace.count}`;
  const cache = findingsCaches.get(session);
  if (cache !== undefined && cache.key === key && cache.generic === generic) return cache.all;
  const extra = leaderlessFindings(sim, generic);
  const all = extra.length === 0 ? generic : [...generic, ...extra];
  const kept = cache !== undefined && sameFindings(cache.all, all) ? cache.all : all;
  findingsCaches.set(session, { key, generic, all: kept });
  return kept;
}
