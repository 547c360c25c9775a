/**
 * One plain sentence per finding, naming the operations by id, client, key, value and time.
 */
import type { Value } from '../engine/types';
import type { ReadRecord, WriteRecord } from './state';

export function showValue(value: Value): string {
  return value === null ? 'nothing' : JSON.stringify(value);
}

export function describeWrite(w: WriteRecord): string {
  return `op ${w.opId} (${w.process} wrote ${w.key} = ${showValue(w.value)} at ${w.invokedAt} ms)`;
}

function describeRead(r: ReadRecord, value: Value, node: string | undefined): string {
  const where = node === undefined ? '' : ` from ${node}`;
  return `op ${r.opId} (${r.process} read ${r.key} at ${r.invokedAt} ms${where} and got ${showValue(value)})`;
}

export function readYourWrites(
  r: ReadRecord,
  value: Value,
  node: string | undefined,
  w: WriteRecord,
): string {
  const device = w.process === r.process ? '' : ', made on another of their devices,';
  return `${r.user} did not see their own write: ${describeRead(r, value, node)}, although ${describeWrite(w)}${device} had been acknowledged at ${w.okAt} ms, before the read began.`;
}

export function monotonicReads(
  r: ReadRecord,
  value: Value,
  node: string | undefined,
  earlierRead: number,
  w: WriteRecord,
): string {
  return `Time went backwards for ${r.user}: op ${earlierRead} had already shown them ${showValue(w.value)} (written by op ${w.opId}), then ${describeRead(r, value, node)}, an older value.`;
}

export function consistentPrefix(
  r: ReadRecord,
  value: Value,
  node: string | undefined,
  cause: WriteRecord,
  effect: WriteRecord,
  effectRead: number,
): string {
  return `${r.user} saw an effect before its cause: op ${effectRead} showed them ${effect.key} = ${showValue(effect.value)} (op ${effect.opId}), which was written knowing of ${describeWrite(cause)}, yet then ${describeRead(r, value, node)}, an older value.`;
}

export function staleRead(
  r: ReadRecord,
  value: Value,
  node: string | undefined,
  newer: WriteRecord,
  stalenessMs: number,
): string {
  return `${describeRead(r, value, node)} was ${stalenessMs} ms stale: ${describeWrite(newer)} had been acknowledged at ${newer.okAt} ms, before the read began.`;
}
