/**
 * Which checkpoints a session keeps. A checkpoint clones the whole simulation core (every
 * replica's log included), so keeping one every few hundred events forever would grow as the
 * square of the run. Instead the count is capped, and when a checkpoint must go, the one whose
 * removal leaves the smallest gap *relative to its distance from where the user is* goes: gaps
 * end up roughly proportional to that distance (dense near the current time, exponentially
 * sparser further away), so stepping and scrubbing nearby stay cheap and a far jump replays at
 * most a bounded fraction of the run.
 */

/** How densely to checkpoint, and how many checkpoints to keep at most. */
export interface CheckpointPolicy {
  /** Events between checkpoints where they are densest (at the frontier of the run). */
  every: number;
  /** Never more checkpoints than this (at least 3: the start, the frontier and one between). */
  max: number;
}

/** 500 events replay in well under a millisecond; 40 clones of the core bound the memory. */
export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { every: 500, max: 40 };

/**
 * Drop checkpoints until at most `policy.max` remain, given their positions (events processed,
 * ascending) and the current position. The first (time 0) and the last (the frontier, the
 * furthest the run has been computed) are always kept. Returns the indices to keep, ascending.
 */
export function thinCheckpoints(
  positions: readonly number[],
  current: number,
  policy: CheckpointPolicy,
): number[] {
  const kept = positions.map((_, i) => i);
  const max = Math.max(3, policy.max);
  while (kept.length > max) {
    let worst = 1;
    let worstScore = Number.POSITIVE_INFINITY;
    for (let k = 1; k < kept.length - 1; k++) {
      const at = positions[kept[k] as number] as number;
      const gap =
        (positions[kept[k + 1] as number] as number) - (positions[kept[k - 1] as number] as number);
      // The gap this removal would leave, per event of distance from the user (plus `every`, so
      // the checkpoints right around the current position compare by gap alone).
      const score = gap / (Math.abs(at - current) + policy.every);
      if (score < worstScore) {
        worstScore = score;
        worst = k;
      }
    }
    kept.splice(worst, 1);
  }
  return kept;
}
