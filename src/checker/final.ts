/**
 * The checks that need the replicas' final state: acknowledged writes the authoritative state
 * no longer holds, and replicas that were meant to agree but do not.
 */
import type { HistoryOp, NodeId, Value } from '../engine/types';
import { showValue } from './explain';
import type { FinalState, Finding } from './types';

/** Acknowledged writes missing from the final authoritative state. */
export function lostWriteFindings(history: readonly HistoryOp[], final: FinalState): Finding[] {
  const durable = final.durable;
  if (durable === undefined) return [];
  const holds = new Set(durable.holds);
  const unknown = new Set(durable.unknown ?? []);
  const findings: Finding[] = [];
  for (const h of history) {
    if (h.type !== 'ok' || h.f !== 'write' || holds.has(h.opId) || unknown.has(h.opId)) continue;
    findings.push({
      kind: 'lost-write',
      ops: [h.opId],
      explanation: `op ${h.opId} (${h.process} wrote ${h.key} = ${showValue(h.value)}) was acknowledged at ${h.time} ms but is missing from ${durable.where} at the end.`,
    });
  }
  return findings;
}

/** The write that produced each value, where exactly one write did. */
function writerOf(history: readonly HistoryOp[]): (key: string, value: Value) => number | null {
  const writers = new Map<string, number | null>();
  for (const h of history) {
    if (h.type !== 'invoke' || h.f !== 'write') continue;
    const id = `${h.key}\u0000${JSON.stringify(h.value)}`;
    writers.set(id, writers.has(id) ? null : h.opId);
  }
  return (key, value) => writers.get(`${key}\u0000${JSON.stringify(value)}`) ?? null;
}

/** One finding per key on which the replicas of a group disagree. */
export function divergenceFindings(history: readonly HistoryOp[], final: FinalState): Finding[] {
  const groups = final.groups ?? [Object.keys(final.replicas)];
  const writer = writerOf(history);
  const findings: Finding[] = [];
  for (const group of groups) {
    const members = group.filter((id) => final.replicas[id] !== undefined);
    const datas = members.map((id) => final.replicas[id] as Record<string, Value>);
    const keys = [...new Set(datas.flatMap((d) => Object.keys(d)))].sort();
    for (const key of keys) {
      const values = datas.map((d) => d[key] ?? null);
      if (values.every((v) => v === values[0])) continue;
      findings.push(divergence(key, members, values, writer));
    }
  }
  return findings;
}

function divergence(
  key: string,
  members: NodeId[],
  values: Value[],
  writer: (key: string, value: Value) => number | null,
): Finding {
  const ops: number[] = [];
  const holdings = members.map((id, i) => {
    const value = values[i] ?? null;
    const op = value === null ? null : writer(key, value);
    if (op !== null && !ops.includes(op)) ops.push(op);
    return `${id} holds ${showValue(value)}${op === null ? '' : ` (op ${op})`}`;
  });
  return {
    kind: 'divergence',
    ops,
    explanation: `After the system quiesced the replicas disagree on ${key}: ${holdings.join(', ')}.`,
  };
}
