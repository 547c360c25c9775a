/**
 * The session's replication log format (docs/log-formats.md): the setting the user switches,
 * the comparison of one statement in all four formats, and whether the live replicas agree.
 */
import { deriveStream, nextFloat } from '../engine/rng';
import { nodeRuntimes } from '../engine/simulation';
import { parseStatement } from '../protocols/shared/statements';
import { type Comparison, compareFormats } from '../protocols/single-leader/formats/describe';
import {
  DEFAULT_LOG_FORMAT,
  type LogFormatSettings,
  triggersOn,
} from '../protocols/single-leader/formats/settings';
import type { AnyScenario } from '../scenarios/leaderlessSchema';
import type { Scenario } from '../scenarios/schema';
import { singleLeaderSim } from './families';
import type { Session } from './session';
import type { SimView } from './view';

/**
 * The scenario's format; a single-leader scenario without one replicates statements as logical
 * records. Null for another family's scenario: log formats are a single-leader setting.
 */
export function logFormatOf(scenario: AnyScenario): LogFormatSettings | null {
  if (scenario.protocol !== 'single-leader') return null;
  return scenario.cluster.logFormat ?? DEFAULT_LOG_FORMAT;
}

/** The scenario with its log format settings changed (a different run: re-derive it). */
export function withLogFormat(scenario: Scenario, change: Partial<LogFormatSettings>): Scenario {
  const logFormat = { ...(scenario.cluster.logFormat ?? DEFAULT_LOG_FORMAT), ...change };
  return { ...scenario, cluster: { ...scenario.cluster, logFormat } };
}

/**
 * What each format would ship for `sql` if the current leader ran it now: against the leader's
 * data, NOW() from its clock. RAND() draws from a preview stream, not the leader's own (a
 * preview must not change the run).
 */
export function compareOnLeader(session: Session, sql: string): Comparison {
  const sim = singleLeaderSim(session);
  const settings = logFormatOf(session.scenario);
  if (sim === null || settings === null)
    return { ok: false, message: 'log formats belong to single-leader clusters' };
  const leader = nodeRuntimes(sim).find(
    (n) => n.up && !n.state.isMonitor && n.state.role === 'leader',
  );
  if (leader === undefined) return { ok: false, message: 'no leader is up to run it' };
  const now = sim.core.now + leader.clockSkewMs;
  const preview = deriveStream(sim.config.seed, 'preview');
  const env = { now: () => now, rand: () => nextFloat(preview) };
  const engine = leader.state.formats?.engineVersion ?? settings.engineVersions[leader.id] ?? 'v1';
  const triggers = triggersOn(settings, leader.id);
  return compareFormats(leader.state.storage.data, sql, env, settings, triggers, engine);
}

/**
 * Whether the live replicas hold the same data right now, in one sentence (a string, so an
 * unchanged answer re-renders nothing). Lag makes them differ for a while; divergence for good.
 */
export function replicaAgreement(view: SimView): string {
  const live = view.nodes.filter((n) => n.up && !n.isMonitor && n.lifecycle !== 'bootstrapping');
  if (live.length < 2) return 'Fewer than two replicas are up.';
  const keys = new Set(live.flatMap((n) => Object.keys(n.data)));
  const differ = [...keys].filter((k) => live.some((n) => n.data[k] !== live[0]?.data[k])).sort();
  if (differ.length === 0) return 'The live replicas hold the same data.';
  const shown = differ.slice(0, 3).join(', ');
  const more = differ.length > 3 ? ` and ${differ.length - 3} more` : '';
  return `The live replicas differ on ${differ.length} ${differ.length === 1 ? 'key' : 'keys'}: ${shown}${more}.`;
}

export { STATEMENT_KEY } from '../protocols/shared/statements';
export { type Comparison, FORMAT_NAMES } from '../protocols/single-leader/formats/describe';
export { LOG_FORMATS, type LogFormat } from '../protocols/single-leader/formats/settings';

/** Why `sql` is not a statement ("position 12: expected …"), or null when it parses. */
export function statementProblem(sql: string): string | null {
  const parsed = parseStatement(sql);
  return parsed.ok ? null : parsed.message;
}
