/**
 * How single values read in the text report and in --verify lines: stored values, key=value
 * data, and the bounds a scenario promises.
 */
import type { Value } from '../engine/types';
import type { Expectation } from '../scenarios/schema';
import { printable } from './style';

/** Longest a value gets before it is cut short with "…" (workload values are short; users' may not be). */
const MAX_VALUE = 32;

/**
 * A stored value as one token: bare when unambiguous, JSON-quoted when it is empty or holds
 * spaces, quotes, `=` or `,` (so `k=v, k2=v2` stays readable) — and `null` for absent.
 */
export function formatValue(value: Value | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'number') return String(value);
  const cut =
    [...value].length > MAX_VALUE ? `${[...value].slice(0, MAX_VALUE - 1).join('')}…` : value;
  return cut === '' || /[\s"'=,\\]|^null$/.test(cut) || /^-?\d/.test(cut)
    ? printable(JSON.stringify(cut))
    : printable(cut);
}

/** A replica's data as `key=value` pairs sorted by key, at most `limit` of them. */
export function formatData(data: Record<string, Value>, limit = 6): string {
  const keys = Object.keys(data).sort();
  if (keys.length === 0) return '—';
  const pairs = keys.slice(0, limit).map((k) => `${printable(k)}=${formatValue(data[k])}`);
  if (keys.length > limit) pairs.push(`… ${keys.length - limit} more`);
  return pairs.join(', ');
}

/** A promised outcome in words: `3`, `true`, `at least 1`, `at most 2`, `between 1 and 3`. */
export function describeExpectation(expected: Expectation): string {
  if (typeof expected !== 'object') return String(expected);
  const { min, max } = expected;
  if (min !== undefined && max !== undefined) {
    return min === max ? String(min) : `between ${min} and ${max}`;
  }
  return min !== undefined ? `at least ${min}` : `at most ${String(max)}`;
}

/** A measured metric; `undefined` means the scenario named a metric the report does not have. */
export function describeActual(actual: number | boolean | undefined): string {
  return actual === undefined ? 'no such metric (see docs/scenarios.md)' : String(actual);
}

/** Virtual time, e.g. `1500 ms`. */
export function ms(t: number): string {
  return `${t} ms`;
}
