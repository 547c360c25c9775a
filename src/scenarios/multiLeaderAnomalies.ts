/**
 * The consistency checker applied to a multi-leader run. Lost writes are the acknowledged writes
 * a conflict strategy discarded (last write wins, highest replica, home leader) and those lost
 * without a word; divergence is a key whose value differs between the replicas at the end.
 * Reads of CRDT values (counters, sets, lists, text) return no single write's value, so the
 * session checks pass over them.
 */
import { checkHistory, type Finding } from '../checker';
import { showValue } from '../checker/explain';
import { historyOps } from '../engine/historyLog';
import type { HistoryOp, Value } from '../engine/types';
import {
  discardReports,
  type MultiLeaderSim,
  multiLeaderReplicaViews,
  unreportedLostWrites,
} from '../protocols/multi-leader/outcome';
import type { MultiLeaderScenario } from './multiLeaderSchema';

function writeOp(history: readonly HistoryOp[], key: string, value: Value): number | undefined {
  return history.find(
    (h) => h.type === 'invoke' && h.f === 'write' && h.key === key && h.value === value,
  )?.opId;
}

function lostWriteFindings(sim: MultiLeaderSim): Finding[] {
  const discarded = discardReports(sim)
    .filter((d) => d.acknowledged)
    .map(
      (d): Finding => ({
        kind: 'lost-write',
        ops: [d.loser.opId, d.winner.opId],
        explanation: `op ${d.loser.opId} (${d.key} = ${showValue(d.loser.value)}) was acknowledged, then ${d.node} discarded it at ${d.at} ms by ${d.strategy} in favour of op ${d.winner.opId} (${showValue(d.winner.value)}).`,
      }),
    );
  const silent = unreportedLostWrites(sim).map(
    (h): Finding => ({
      kind: 'lost-write',
      ops: [h.opId],
      explanation: `op ${h.opId} (${h.process} wrote ${h.key} = ${showValue(h.value)}) was acknowledged at ${h.time} ms but no replica holds it and nothing reported discarding it.`,
    }),
  );
  return [...discarded, ...silent];
}

function divergenceFindings(sim: MultiLeaderSim): Finding[] {
  const views = multiLeaderReplicaViews(sim);
  const keys = new Set(Object.values(views).flatMap((v) => Object.keys(v.data)));
  const findings: Finding[] = [];
  for (const key of [...keys].sort()) {
    const values = Object.entries(views).map(
      ([id, v]) => [id, v.data[key]?.value ?? null] as const,
    );
    if (new Set(values.map(([, v]) => JSON.stringify(v))).size === 1) continue;
    const ops = [
      ...new Set(values.flatMap(([, v]) => writeOp(historyOps(sim.logs.history), key, v) ?? [])),
    ];
    const holdings = values.map(([id, v]) => `${id} holds ${showValue(v)}`);
    findings.push({
      kind: 'divergence',
      ops,
      explanation: `After the system quiesced the replicas disagree on ${key}: ${holdings.join(', ')}.`,
    });
  }
  return findings;
}

/** Every anomaly of a finished multi-leader run. */
export function multiLeaderRunAnomalies(
  scenario: MultiLeaderScenario,
  sim: MultiLeaderSim,
): Finding[] {
  return [
    ...checkHistory(historyOps(sim.logs.history), scenario.checker),
    ...lostWriteFindings(sim),
    ...divergenceFindings(sim),
  ];
}
