/**
 * What the page address asks for at start: `?scenario=<id>&seed=<n>`, or a shared run
 * (`?run=<link payload>`, see share/shareLink.ts), and `embed=1` for the chrome-light view.
 * Parsing only; the store decides whether the scenario exists, and a bad seed is reported, not
 * guessed at.
 */
import { parseSeed } from './seed';

export interface StartParams {
  scenarioId: string | null;
  seed: number | null;
  /** Why the seed in the address was ignored, for the seed field to show; null when fine. */
  seedError: string | null;
  /** A share link's payload, still encoded; null when the address has none. */
  run: string | null;
  /** `embed=1`: the view made to live in an iframe. */
  embed: boolean;
}

export function parseStartParams(search: string): StartParams {
  const params = new URLSearchParams(search);
  const scenarioId = params.get('scenario')?.trim() || null;
  const seedText = params.get('seed');
  const extra = { run: params.get('run'), embed: params.get('embed') === '1' };
  if (seedText === null || seedText.trim() === '') {
    return { scenarioId, seed: null, seedError: null, ...extra };
  }
  const parsed = parseSeed(seedText);
  return parsed.ok
    ? { scenarioId, seed: parsed.seed, seedError: null, ...extra }
    : {
        scenarioId,
        seed: null,
        seedError: `${parsed.message} The link's seed was ignored: using the scenario's own.`,
        ...extra,
      };
}

/** The query string that reproduces a run of `scenarioId` with `seed`. */
export function startSearch(scenarioId: string, seed: number): string {
  const params = new URLSearchParams({ scenario: scenarioId, seed: String(seed) });
  return `?${params.toString()}`;
}
