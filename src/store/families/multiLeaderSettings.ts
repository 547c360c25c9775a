/**
 * What a person may change in a running multi-leader session: how concurrent writes to a key
 * are resolved, and whether changes wait for their dependencies (version vectors). Applying
 * them gives a new scenario; the store re-derives the run from it with the same seed, inputs
 * and time, so the same concurrent writes meet another strategy.
 */
import { findAnyBuiltin } from '../../scenarios/builtin';
import type { AnyScenario } from '../../scenarios/leaderlessSchema';
import type { MultiLeaderScenario } from '../../scenarios/multiLeaderSchema';

export type MultiLeaderSettings = Pick<
  MultiLeaderScenario['cluster'],
  'conflicts' | 'versionVectors'
>;

/** The scenario's current settings, or null when it is not multi-leader. */
export function multiLeaderSettingsOf(scenario: AnyScenario): MultiLeaderSettings | null {
  if (scenario.protocol !== 'multi-leader') return null;
  const { conflicts, versionVectors } = scenario.cluster;
  return { conflicts, versionVectors };
}

/** The scenario with these settings; any other scenario unchanged. */
export function withMultiLeaderSettings(
  scenario: AnyScenario,
  settings: Partial<MultiLeaderSettings>,
): AnyScenario {
  if (scenario.protocol !== 'multi-leader') return scenario;
  return { ...scenario, cluster: { ...scenario.cluster, ...settings } };
}

/** The settings the scenario comes with (a built-in's own), before any change in the app. */
export function originalMultiLeaderSettings(scenario: AnyScenario): MultiLeaderSettings | null {
  const builtin = findAnyBuiltin(scenario.id);
  return multiLeaderSettingsOf(builtin ?? scenario) ?? multiLeaderSettingsOf(scenario);
}
