import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SPEED, MIN_SPEED, nearestStepIndex, SPEED_STEPS, stepSpeed } from './speed';

describe('playback speed steps', () => {
  it('walks up and down through the steps, stopping at the ends', () => {
    expect(stepSpeed(1, 1)).toBe(2);
    expect(stepSpeed(1, -1)).toBe(0.5);
    expect(stepSpeed(MAX_SPEED, 1)).toBe(MAX_SPEED);
    expect(stepSpeed(MIN_SPEED, -1)).toBe(MIN_SPEED);
  });

  it('moves any speed strictly towards the end it is asked for, unless already there', () => {
    fc.assert(
      fc.property(fc.double({ min: MIN_SPEED, max: MAX_SPEED, noNaN: true }), (speed) => {
        const up = stepSpeed(speed, 1);
        const down = stepSpeed(speed, -1);
        expect(up > speed || speed === MAX_SPEED).toBe(true);
        expect(down < speed || speed === MIN_SPEED).toBe(true);
      }),
    );
  });

  it('maps every step to its own index', () => {
    SPEED_STEPS.forEach((s, i) => {
      expect(nearestStepIndex(s)).toBe(i);
    });
    expect(nearestStepIndex(0.9)).toBe(SPEED_STEPS.indexOf(1));
  });
});
