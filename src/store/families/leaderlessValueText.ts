/**
 * Leaderless values in words. Reads of several siblings and shopping-cart sets travel as JSON
 * text (protocols/leaderless/siblingValues.ts); people should read `[milk, flour] | [eggs]`,
 * not the encoding.
 */
import type { Value } from '../../engine/types';
import { decodeSet, decodeSiblings } from '../../protocols/leaderless/siblingValues';

function one(value: Value): string {
  if (value === null) return '∅';
  if (typeof value === 'string' && value.startsWith('{"items":')) {
    const set = decodeSet(value);
    return `[${set.items.join(', ')}]`;
  }
  return String(value);
}

/** A value, or each sibling of it separated by `|` (∅ for nothing). */
export function leaderlessValueText(value: Value): string {
  const siblings = decodeSiblings(value);
  if (siblings.length === 0) return '∅';
  return siblings.map(one).join(' | ');
}
