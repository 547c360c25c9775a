/**
 * The consistency checker's public face. Feed it the history as it grows:
 *
 * ```ts
 * const checker = newChecker({ staleReadBoundMs: 100 });
 * feedChecker(checker, historyOps(sim.logs.history)); // again whenever the history has grown
 * checker.findings;                                   // every anomaly found so far
 * ```
 *
 * or check a finished history at once with `checkHistory`. Findings depend only on the
 * history (and the final state passed in), never on when or how often the checker was fed.
 */
import type { HistoryOp } from '../engine/types';
import { newCausalState } from './causalState';
import { feedEntry } from './feed';
import { divergenceFindings, lostWriteFindings } from './final';
import type { CheckerState } from './state';
import {
  type CheckerOptions,
  DEFAULT_CHECKER_OPTIONS,
  FINDING_KINDS,
  type FinalState,
  type Finding,
  type FindingKind,
} from './types';

export {
  checkLinearizable,
  type LinearizabilityOptions,
  type LinearizabilityResult,
} from './linearizability';
export type { CheckerState } from './state';
export { userOf } from './state';
export type {
  AnomalyKind,
  CheckerOptions,
  FinalState,
  Finding,
  FindingKind,
} from './types';
export { ANOMALY_KINDS, DEFAULT_CHECKER_OPTIONS, FINDING_KINDS } from './types';

/** A checker that has seen nothing yet. */
export function newChecker(options: Partial<CheckerOptions> = {}): CheckerState {
  return {
    options: { ...DEFAULT_CHECKER_OPTIONS, ...options },
    fed: 0,
    lastEntry: null,
    writes: new Map(),
    reads: new Map(),
    keys: new Map(),
    users: new Map(),
    causal: newCausalState(),
    findings: [],
  };
}

function reset(checker: CheckerState): void {
  Object.assign(checker, newChecker(checker.options));
}

/**
 * Feed the entries of `history` the checker has not seen yet; returns the new findings. If the
 * history was rewritten since the last feed (time travel: truncated and replayed, perhaps with
 * different inputs), the checker starts over, which the caller sees as a reset `findings`.
 */
export function feedChecker(checker: CheckerState, history: readonly HistoryOp[]): Finding[] {
  if (checker.fed > 0 && history[checker.fed - 1] !== checker.lastEntry) reset(checker);
  const before = checker.findings.length;
  for (let i = checker.fed; i < history.length; i++) feedEntry(checker, history[i] as HistoryOp);
  checker.fed = history.length;
  checker.lastEntry = history[history.length - 1] ?? null;
  return checker.findings.slice(before);
}

/** Findings that need the final state: lost writes and divergence. */
export function finalFindings(history: readonly HistoryOp[], final: FinalState): Finding[] {
  return [...lostWriteFindings(history, final), ...divergenceFindings(history, final)];
}

/** Every anomaly in a history, plus those the final state reveals if given. */
export function checkHistory(
  history: readonly HistoryOp[],
  options: Partial<CheckerOptions> = {},
  final?: FinalState,
): Finding[] {
  const checker = newChecker(options);
  feedChecker(checker, history);
  const findings = [...checker.findings, ...(final ? finalFindings(history, final) : [])];
  return sortFindings(findings);
}

/** By kind (in `FINDING_KINDS` order), then by the last operation involved. */
export function sortFindings(findings: Finding[]): Finding[] {
  const rank = (kind: FindingKind) => FINDING_KINDS.indexOf(kind);
  const last = (f: Finding) => f.ops[f.ops.length - 1] ?? 0;
  return [...findings].sort((a, b) => rank(a.kind) - rank(b.kind) || last(a) - last(b));
}

/** How many findings of each kind (every kind present, zero or more). */
export function countByKind(findings: readonly Finding[]): Record<FindingKind, number> {
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<
    FindingKind,
    number
  >;
  for (const f of findings) counts[f.kind]++;
  return counts;
}
