/**
 * The consistency checker kept beside a live session: fed whatever the history holds at the
 * session's current point, so its findings follow playback, seeking, stepping back and injected
 * inputs (after time travel the checker notices the rewritten history and starts over).
 */
import { type CheckerState, type Finding, feedChecker, newChecker } from '../checker';
import type { Session } from './session';

/** A checker for the session's scenario (its stale-read bound). */
export function sessionChecker(session: Session): CheckerState {
  return newChecker(session.scenario.checker);
}

/**
 * The anomalies found up to the session's current point. Lost writes and divergence need the
 * final state (`finalFindings`), so they are not among them.
 */
export function currentAnomalies(checker: CheckerState, session: Session): readonly Finding[] {
  feedChecker(checker, session.sim.logs.history);
  return checker.findings;
}
