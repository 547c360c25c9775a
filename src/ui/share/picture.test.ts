import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legendPlaces } from './picture';

describe('legendPlaces', () => {
  it('keeps every entry inside the width (unless one alone is wider) and never overlapping', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 120, max: 1600 }),
        (labels, width) => {
          const places = legendPlaces(labels, width);
          const entryWidth = (label: string) => 28 + label.length * 7;
          places.forEach((place, i) => {
            const end = place.x + entryWidth(labels[i] as string);
            const alone = place.x === 16;
            if (!alone) expect(end).toBeLessThanOrEqual(width - 16);
            const next = places[i + 1];
            if (next !== undefined && next.row === place.row) expect(next.x).toBe(end);
            if (next !== undefined && next.row !== place.row) {
              expect(next.row).toBe(place.row + 1);
              expect(next.x).toBe(16);
            }
          });
        },
      ),
    );
  });

  it('puts a short legend on one row', () => {
    expect(legendPlaces(['Ack', 'Response'], 800).map((p) => p.row)).toEqual([0, 0]);
  });
});
