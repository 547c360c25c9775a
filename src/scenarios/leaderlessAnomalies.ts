/**
 * The consistency checker applied to a leaderless run. Reads that returned several siblings
 * (a JSON-encoded set, see `siblingValues.ts`) name no single write, so the session checks pass
 * over them (and linearizability, which a register that shows siblings cannot have, counts them
 * as reads no write explains). Lost writes and convergence come from the protocol's own outcome
 * (`leaderlessLostWrites`, the home replicas' copies), turned into findings.
 */
import { checkHistory, type Finding } from '../checker';
import { showValue } from '../checker/explain';
import { historyOps } from '../engine/historyLog';
import {
  type LeaderlessSim,
  leaderlessLostWrites,
  leaderlessReplicaViews,
} from '../protocols/leaderless/outcome';
import { buildRing, placement } from '../protocols/leaderless/ring';
import type { LeaderlessScenario } from './leaderlessSchema';

function lostWriteFindings(sim: LeaderlessSim): Finding[] {
  return leaderlessLostWrites(sim).map((h) => ({
    kind: 'lost-write',
    ops: [h.opId],
    explanation: `op ${h.opId} (${h.process} wrote ${h.key} = ${showValue(h.value)}) was acknowledged at ${h.time} ms, but no replica holds it at the end and no later write that knew of it replaced it.`,
  }));
}

/** One finding per key whose home replicas hold different copies at the end. */
function divergenceFindings(sim: LeaderlessSim): Finding[] {
  const views = leaderlessReplicaViews(sim);
  const { vnodes, n } = sim.config.protocol;
  const ring = buildRing(sim.core.nodeIds, vnodes);
  const keys = new Set(Object.values(views).flatMap((v) => Object.keys(v.data)));
  const findings: Finding[] = [];
  for (const key of [...keys].sort()) {
    const home = placement(ring, key, n).home;
    const copies = home.map((id) => views[id]?.data[key]);
    const label = (i: number) =>
      `${copies[i]?.version ?? 'none'} ${showValue(copies[i]?.value ?? null)}`;
    if (copies.every((_, i) => label(i) === label(0))) continue;
    const ops = [...new Set(copies.flatMap((c) => c?.siblings.map((s) => s.opId) ?? []))];
    const holdings = home.map((id, i) => `${id} holds ${showValue(copies[i]?.value ?? null)}`);
    findings.push({
      kind: 'divergence',
      ops,
      explanation: `After the system quiesced the home replicas of ${key} disagree: ${holdings.join(', ')}.`,
    });
  }
  return findings;
}

/** Every anomaly of a finished leaderless run. */
export function leaderlessRunAnomalies(
  scenario: LeaderlessScenario,
  sim: LeaderlessSim,
): Finding[] {
  return [
    ...checkHistory(historyOps(sim.logs.history), scenario.checker),
    ...lostWriteFindings(sim),
    ...divergenceFindings(sim),
  ];
}
