/**
 * Playback speeds. 1x shows 50 simulated milliseconds per real second, slow enough to follow a
 * single message; the steps are roughly logarithmic so that each press of + or − feels alike.
 */

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 10;
export const SPEED_STEPS: readonly number[] = [0.1, 0.25, 0.5, 1, 2, 5, 10];

export function clampSpeed(speed: number): number {
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

/** The next step up (`+1`) or down (`-1`) from any speed, staying put at either end. */
export function stepSpeed(speed: number, direction: 1 | -1): number {
  if (direction === 1) return SPEED_STEPS.find((s) => s > speed) ?? MAX_SPEED;
  return [...SPEED_STEPS].reverse().find((s) => s < speed) ?? MIN_SPEED;
}

/** The step nearest to a speed (on a log scale), for a slider that moves in steps. */
export function nearestStepIndex(speed: number): number {
  let best = 0;
  SPEED_STEPS.forEach((s, i) => {
    const here = Math.abs(Math.log(s / speed));
    const bestSoFar = Math.abs(Math.log((SPEED_STEPS[best] as number) / speed));
    if (here < bestSoFar) best = i;
  });
  return best;
}
