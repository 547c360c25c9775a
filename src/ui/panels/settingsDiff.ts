/**
 * A panel whose settings a person changed says so: the narration describes the scenario's own
 * settings, not the ones running now.
 */
/** What differs from the scenario's own settings, e.g. "w = 2 (scenario: 3)"; empty when none. */
export function changedSettings(
  applied: Record<string, unknown>,
  original: Record<string, unknown>,
): string[] {
  // A coordinator may be an object ({ node }): compare and show values as JSON when not plain.
  const text = (v: unknown) =>
    typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  return Object.keys(original)
    .filter((k) => text(applied[k]) !== text(original[k]))
    .map((k) => `${k} = ${text(applied[k])} (scenario: ${text(original[k])})`);
}
