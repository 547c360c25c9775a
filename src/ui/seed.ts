/** Validation of a seed the user typed. Seeds are 32-bit unsigned integers (see engine/rng). */

export const MAX_SEED = 0xffff_ffff;

export type SeedParse = { ok: true; seed: number } | { ok: false; message: string };

export function parseSeed(text: string): SeedParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Seed is empty: type a whole number.' };
  // Only plain digits: Number() would also accept "1e3", "0x10" and " ", which are surprising.
  if (!/^\d+$/.test(trimmed) || Number(trimmed) > MAX_SEED) {
    return {
      ok: false,
      message: `Seed must be a whole number from 0 to ${MAX_SEED}; "${clip(trimmed)}" is not.`,
    };
  }
  return { ok: true, seed: Number(trimmed) };
}

/** Keep an echoed input short enough for a one-line message. */
function clip(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}
