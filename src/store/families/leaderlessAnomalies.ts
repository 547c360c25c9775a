/**
 * Anomalies the generic checker cannot see in a leaderless run. Reads of several siblings (and
 * of shopping-cart sets) return encoded values it cannot trace to one write, so it leaves them
 * unjudged; version vectors can judge them: a read whose version lacks a write acknowledged
 * before it began missed that write (`leaderlessStaleReads`). And a write last-write-wins threw
 * away after it was acknowledged is lost, although its client heard ok.
 */
import type { Finding } from '../../checker';
import { historyOps } from '../../engine/historyLog';
import type { HistoryOp } from '../../engine/types';
import {
  type LeaderlessSim,
  leaderlessStaleReads,
  lwwDiscardedWrites,
} from '../../protocols/leaderless/outcome';
import { covers, type Dot, type VersionVector } from '../../protocols/leaderless/versionVector';
import { leaderlessValueText } from './leaderlessValueText';

function parseDot(label: unknown): Dot | null {
  if (typeof label !== 'string') return null;
  const at = label.lastIndexOf(':');
  return at <= 0 ? null : { node: label.slice(0, at), counter: Number(label.slice(at + 1)) };
}

function parseVersion(text: unknown): VersionVector {
  try {
    return typeof text === 'string' ? (JSON.parse(text) as VersionVector) : {};
  } catch {
    return {};
  }
}

/** The latest write acknowledged before the read began whose dot the read's version lacks. */
function missedWrite(history: readonly HistoryOp[], read: HistoryOp): HistoryOp | undefined {
  const invoked =
    history.find((h) => h.opId === read.opId && h.type === 'invoke')?.time ?? read.time;
  const version = parseVersion(read.meta?.version);
  let missed: HistoryOp | undefined;
  for (const w of history) {
    if (w.type !== 'ok' || w.f !== 'write' || w.key !== read.key || w.time >= invoked) continue;
    const dot = parseDot(w.meta?.dot);
    if (dot !== null && !covers(version, dot)) missed = w;
  }
  return missed;
}

function staleReadFindings(history: readonly HistoryOp[], judged: ReadonlySet<number>): Finding[] {
  const out: Finding[] = [];
  for (const read of leaderlessStaleReads(history)) {
    if (judged.has(read.opId)) continue;
    const w = missedWrite(history, read);
    if (w === undefined) continue;
    const from = read.node === undefined ? '' : ` coordinated by ${read.node}`;
    out.push({
      kind: 'stale-read',
      ops: [w.opId, read.opId],
      explanation: `op ${read.opId} (${read.process} read ${read.key}${from}, answered at ${read.time} ms with ${leaderlessValueText(read.value)}) missed op ${w.opId} (${w.process} wrote ${leaderlessValueText(w.value)}, acknowledged at ${w.time} ms, before the read began): no replica in its read quorum had that write.`,
    });
  }
  return out;
}

function lwwFindings(sim: LeaderlessSim): Finding[] {
  return lwwDiscardedWrites(sim)
    .filter((d) => d.acknowledged)
    .map((d) => {
      const clock = d.invokedAfterWinner
        ? ' It was written later in real time: a clock running behind gave it the lower timestamp.'
        : '';
      return {
        kind: 'lost-write' as const,
        ops: [d.loserOp, d.winnerOp],
        explanation: `op ${d.loserOp} (${d.loserClient} wrote ${d.key} = ${leaderlessValueText(d.loserValue)}, acknowledged) was silently discarded by last-write-wins at ${d.node} (${d.at} ms): the concurrent op ${d.winnerOp} had the higher timestamp (${d.winnerTs} > ${d.loserTs}).${clock}`,
      };
    });
}

/**
 * The leaderless findings the generic ones (`generic`) lack: stale reads it did not judge, and
 * acknowledged writes LWW discarded.
 */
export function leaderlessFindings(sim: LeaderlessSim, generic: readonly Finding[]): Finding[] {
  // A read the generic checker already reported (under any kind) is not reported twice.
  const judged = new Set(generic.flatMap((f) => f.ops));
  return [...staleReadFindings(historyOps(sim.logs.history), judged), ...lwwFindings(sim)];
}
