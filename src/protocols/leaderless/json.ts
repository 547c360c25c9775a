/** Reading the JSON texts a leaderless answer carries in its meta (versions, sibling lists). */
export function parseJsonOr<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
