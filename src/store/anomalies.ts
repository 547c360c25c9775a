/**
 * The consistency checker kept beside a live session: fed whatever the history holds at the
 * session's current point, so its findings follow playback, seeking, stepping back and injected
 * inputs (after time travel the checker notices the rewritten history and starts over).
 */
import {
  type CheckerState,
  checkLinearizable,
  type Finding,
  feedChecker,
  type LinearizabilityResult,
  newChecker,
} from '../checker';
import { historyOps } from '../engine/historyLog';
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
  feedChecker(checker, historyOps(session.sim.logs.history));
  return checker.findings;
}

/**
 * Is the history so far linearizable (single-key reads and writes, as on one copy)? Not part of
 * the live findings: it is a search over the whole history, run when the user asks. Operations
 * still pending count as indeterminate (they may take effect later, or never). Multi-leader CRDT
 * values (a count, a set) are not a register's, so the question does not apply to them.
 */
export function linearizabilitySoFar(session: Session): LinearizabilityResult {
  const protocol = session.sim.config.protocol as { values?: string } | null;
  if (session.scenario.protocol === 'multi-leader' && protocol?.values !== 'register') {
    return { verdict: 'unknown', findings: [], undecided: ['(the values are not registers)'] };
  }
  return checkLinearizable(historyOps(session.sim.logs.history));
}
