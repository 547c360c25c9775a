/** Typed-array columns of the append-only logs (`messageLog.ts`, `traceLog.ts`). */

export type Column = Int32Array | Float64Array | Uint8Array | Uint16Array;

/** A copy of a full column with twice the room (a log grows rarely: log2 of its length times). */
export function doubled<T extends Column>(old: T): T {
  const bigger = new (old.constructor as new (length: number) => T)(old.length * 2);
  bigger.set(old);
  return bigger;
}
