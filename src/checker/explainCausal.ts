/**
 * One plain sentence per monotonic-writes, writes-follow-reads or causal finding, naming the
 * operations by id, process, key, value and time.
 */
import type { CausalOp } from './causalState';
import { showValue } from './explain';

type Source = CausalOp | 'nothing';

function wrote(w: CausalOp): string {
  return `op ${w.opId} (${w.processId} wrote ${w.key} = ${showValue(w.value)} at ${w.invokedAt} ms)`;
}

function readOf(r: CausalOp, node: string | undefined): string {
  const where = node === undefined ? '' : ` from ${node}`;
  return `op ${r.opId} (${r.processId} read ${r.key} at ${r.invokedAt} ms${where} and got ${showValue(r.value)})`;
}

function got(source: Source): string {
  return source === 'nothing' ? 'nothing' : `the older value of op ${source.opId}`;
}

export function monotonicWrites(
  r: CausalOp,
  source: Source,
  node: string | undefined,
  earlier: CausalOp,
  later: CausalOp,
  saw: CausalOp,
): string {
  return `${later.processId}'s writes took effect out of order for ${r.processId}: op ${saw.opId} showed them ${wrote(later)}, which ${later.processId} wrote after ${wrote(earlier)}, yet then ${readOf(r, node)}: ${got(source)}.`;
}

export function writesFollowReads(
  r: CausalOp,
  source: Source,
  node: string | undefined,
  earlier: CausalOp,
  before: CausalOp,
  later: CausalOp,
  saw: CausalOp,
): string {
  return `A write was seen before the write it followed: ${later.processId} read ${earlier.key} = ${showValue(earlier.value)} (op ${before.opId}, written by op ${earlier.opId}) before ${wrote(later)}; op ${saw.opId} showed ${r.processId} op ${later.opId}, yet then ${readOf(r, node)}: ${got(source)}.`;
}

export function causal(
  r: CausalOp,
  source: Source,
  node: string | undefined,
  chain: CausalOp[],
): string {
  const cause = chain[0] as CausalOp;
  const path = chain.map((o) => `op ${o.opId}`).join(' → ');
  const why =
    source === 'nothing'
      ? 'as if it had never happened'
      : `although op ${source.opId} happened before op ${cause.opId}, which overwrote it`;
  return `${readOf(r, node)} broke causality: ${wrote(cause)} happened before it (${path}), yet it got ${showValue(r.value)}, ${why}.`;
}
