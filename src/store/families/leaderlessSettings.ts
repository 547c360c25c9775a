/**
 * The quorum and repair settings a person may change in a running leaderless session, and the
 * rules they must obey (the protocol's own `quorumErrors`, so the app and scenario files say
 * the same). Applying them gives a new scenario: the store re-derives the run from it with the
 * same seed, inputs and time.
 */
import { quorumErrors } from '../../protocols/leaderless/config';
import { findAnyBuiltin } from '../../scenarios/builtin';
import type { AnyScenario, LeaderlessScenario } from '../../scenarios/leaderlessSchema';

/** What the Quorum panel can change. */
export type LeaderlessSettings = Pick<
  LeaderlessScenario['cluster'],
  | 'n'
  | 'w'
  | 'r'
  | 'sloppyQuorum'
  | 'readRepair'
  | 'antiEntropyIntervalMs'
  | 'conflicts'
  | 'coordinator'
>;

/** Anti-entropy rounds further apart than this say more about a typo than about a cluster. */
export const MAX_ANTI_ENTROPY_MS = 60_000;

/** The scenario's current settings, or null when it is not leaderless. */
export function leaderlessSettingsOf(scenario: AnyScenario): LeaderlessSettings | null {
  if (scenario.protocol !== 'leaderless') return null;
  const { n, w, r, sloppyQuorum, readRepair, antiEntropyIntervalMs, conflicts, coordinator } =
    scenario.cluster;
  return { n, w, r, sloppyQuorum, readRepair, antiEntropyIntervalMs, conflicts, coordinator };
}

/**
 * Why these settings cannot run on this scenario's cluster, as `field: message` lines naming
 * the field (`n`, `w`, `r`, `antiEntropyIntervalMs`, `coordinator`); empty when they can.
 */
export function leaderlessSettingsProblems(
  scenario: AnyScenario,
  settings: Partial<LeaderlessSettings>,
): string[] {
  if (scenario.protocol !== 'leaderless') {
    return ['protocol: quorum settings belong to a leaderless scenario'];
  }
  const next = { ...scenario.cluster, ...settings };
  const problems = quorumErrors(next, next.nodes.length, 'quorum').map((p) =>
    p.replace(/^quorum\./, ''),
  );
  const { coordinator } = next;
  if (typeof coordinator === 'object' && !next.nodes.includes(coordinator.node)) {
    problems.push(`coordinator: "${coordinator.node}" is not a node of this cluster`);
  }
  const every = next.antiEntropyIntervalMs;
  if (!Number.isInteger(every) || every < 0 || every > MAX_ANTI_ENTROPY_MS) {
    problems.push(
      `antiEntropyIntervalMs: must be a whole number of ms from 0 (off) to ${MAX_ANTI_ENTROPY_MS}`,
    );
  }
  return problems;
}

/** The scenario with these settings (check them with `leaderlessSettingsProblems` first). */
export function withLeaderlessSettings(
  scenario: AnyScenario,
  settings: Partial<LeaderlessSettings>,
): AnyScenario {
  if (scenario.protocol !== 'leaderless') return scenario;
  return { ...scenario, cluster: { ...scenario.cluster, ...settings } };
}

/** The settings the scenario comes with (a built-in's own), before any change in the app. */
export function originalLeaderlessSettings(scenario: AnyScenario): LeaderlessSettings | null {
  const builtin = findAnyBuiltin(scenario.id);
  return leaderlessSettingsOf(builtin ?? scenario) ?? leaderlessSettingsOf(scenario);
}
