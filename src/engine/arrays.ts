/**
 * Empty arrays created in the elements kind they will have. V8 gives a fresh `[]` the kind of an
 * array of small integers and changes it at the first push of anything else. Code optimised on
 * one simulation's arrays (objects, strings) then meets the next simulation's fresh arrays in
 * the other kind and is thrown away: with the engine's queue, history and logs made this way,
 * every new run deoptimised the same dozen hot functions again. An array emptied of one
 * element keeps its kind, so it never changes kind afterwards.
 */

const PLACEHOLDER = Object.freeze({});

/** An empty array for objects or strings (anything but small integers). */
export function emptyArray<T>(): T[] {
  const array = [PLACEHOLDER] as unknown[];
  array.pop();
  return array as T[];
}
