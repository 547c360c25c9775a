/**
 * Reading what a person typed into a fault or client field. A bad entry becomes a message
 * that names the field and quotes the entry; the field keeps the text, nothing is injected.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A whole number of milliseconds in [min, max], e.g. a latency or a clock skew. */
export function parseWholeMs(
  label: string,
  text: string,
  min: number,
  max: number,
): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `${label} is empty: type a number of ms.` };
  const value = Number(trimmed);
  if (!/^[+-]?\d+$/.test(trimmed) || !Number.isSafeInteger(value)) {
    return { ok: false, message: `${label} must be a whole number of ms, not "${trimmed}".` };
  }
  if (value < min || value > max) {
    return {
      ok: false,
      message: `${label} must be between ${min} and ${max} ms; ${value} is out of range.`,
    };
  }
  return { ok: true, value };
}

/** A positive number in [min, max], e.g. how many times slower a lag spike makes a link. */
export function parseFactor(label: string, text: string, min: number, max: number): Parsed<number> {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) {
    return { ok: false, message: `${label} must be a number, not "${trimmed}".` };
  }
  if (value < min || value > max) {
    return {
      ok: false,
      message: `${label} must be between ${min} and ${max}; ${value} is out of range.`,
    };
  }
  return { ok: true, value };
}

/** Text that must not be blank, e.g. a key. */
export function parseRequired(label: string, text: string, what: string): Parsed<string> {
  if (text.trim() === '') return { ok: false, message: `${label} is empty: type ${what}.` };
  return { ok: true, value: text };
}
