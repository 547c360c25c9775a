/** Typed-array columns of the append-only logs (`messageLog.ts`, `traceLog.ts`). */

export type Column = Int32Array | Float64Array | Uint8Array | Uint16Array;

/**
 * A copy of a full column with four times the room. A long run's log reaches millions of
 * entries: growing by four copies a third as much as doubling, and the room not yet written is
 * never touched (the system hands out zeroed pages only when written).
 */
export function grown<T extends Column>(old: T): T {
  const bigger = new (old.constructor as new (length: number) => T)(old.length * 4);
  bigger.set(old);
  return bigger;
}
