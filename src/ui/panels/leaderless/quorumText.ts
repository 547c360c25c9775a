/** The quorum rule in words: whether every read quorum must share a replica with every write's. */

export function overlapSentence(q: { n: number; w: number; r: number }): string {
  if (q.w + q.r > q.n) {
    return `w + r > n (${q.w} + ${q.r} > ${q.n}): every read quorum overlaps every write quorum, so a read hears from at least one replica that took the latest acknowledged write.`;
  }
  return `w + r ≤ n (${q.w} + ${q.r} ≤ ${q.n}): a read quorum can miss every replica that took the latest write, so reads may return stale values.`;
}

/** The field a `field: message` problem names (`n`, `w`, `r`, `antiEntropyIntervalMs`). */
export function problemField(problem: string): string {
  const colon = problem.indexOf(':');
  return colon < 0 ? '' : problem.slice(0, colon);
}
