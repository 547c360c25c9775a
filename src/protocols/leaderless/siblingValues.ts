/**
 * How siblings and sets travel in the engine's plain values (`string | number | null`).
 *
 * - A read with several siblings returns `{"siblings":[v1,v2]}` (a JSON text, values sorted so
 *   equal sibling sets read the same); one sibling reads as its bare value; none as null.
 * - A set (the shopping cart) is stored as `{"items":[...]}` with tombstones in `"removed"`:
 *   the application merges siblings by union, and a removal stays recorded so a merge with an
 *   older sibling that still holds the item does not bring it back.
 */
import type { Value } from '../../engine/types';

const SIBLINGS_PREFIX = '{"siblings":';

function compareValues(a: Value, b: Value): number {
  const ka = JSON.stringify(a);
  const kb = JSON.stringify(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The value a read returns for these siblings. */
export function encodeSiblings(values: readonly Value[]): Value {
  if (values.length === 0) return null;
  if (values.length === 1) return values[0] as Value;
  return `${SIBLINGS_PREFIX}${JSON.stringify([...values].sort(compareValues))}}`;
}

/** The sibling values inside a read's value (the inverse of `encodeSiblings`). */
export function decodeSiblings(value: Value): Value[] {
  if (value === null) return [];
  if (typeof value === 'string' && value.startsWith(SIBLINGS_PREFIX)) {
    try {
      const parsed = JSON.parse(value) as { siblings: Value[] };
      if (Array.isArray(parsed.siblings)) return parsed.siblings;
    } catch {
      // not an encoding of ours: an ordinary value that happens to look like one
    }
  }
  return [value];
}

export interface SetValue {
  items: string[];
  removed: string[];
}

export function encodeSet(set: SetValue): string {
  const items = [...new Set(set.items)].sort();
  const removed = [...new Set(set.removed)].sort();
  return JSON.stringify(removed.length > 0 ? { items, removed } : { items });
}

/** A stored value as a set: a set encoding, or any other value as a one-item set. */
export function decodeSet(value: Value): SetValue {
  if (value === null) return { items: [], removed: [] };
  if (typeof value === 'string' && value.startsWith('{"items":')) {
    try {
      const parsed = JSON.parse(value) as Partial<SetValue>;
      return { items: parsed.items ?? [], removed: parsed.removed ?? [] };
    } catch {
      // fall through: treat it as a plain value
    }
  }
  return { items: [String(value)], removed: [] };
}

/** The application's merge of sibling sets: union of items, minus every tombstoned item. */
export function mergeSets(values: readonly Value[]): SetValue {
  const items = new Set<string>();
  const removed = new Set<string>();
  for (const v of values) {
    const s = decodeSet(v);
    for (const i of s.items) items.add(i);
    for (const r of s.removed) removed.add(r);
  }
  return { items: [...items].filter((i) => !removed.has(i)), removed: [...removed] };
}

/**
 * A cart edit on top of the siblings last seen: `"ham"` adds ham, `"-ham"` removes it (leaving a
 * tombstone). Returns the encoded set to store.
 */
export function editSet(seen: readonly Value[], edit: Value): string {
  const merged = mergeSets(seen);
  const text = String(edit);
  if (text.startsWith('-') && text.length > 1) {
    const item = text.slice(1);
    return encodeSet({
      items: merged.items.filter((i) => i !== item),
      removed: [...merged.removed, item],
    });
  }
  return encodeSet({
    items: [...merged.items, text],
    removed: merged.removed.filter((r) => r !== text),
  });
}
