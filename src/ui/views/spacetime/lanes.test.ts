import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneLayout, laneYs, MAX_LANE_PX, MIN_LABELLED_LANE_PX } from './lanes';

const nodes = [
  { id: 'monitor', isMonitor: true },
  { id: 'n1', isMonitor: false },
  { id: 'n2', isMonitor: false },
];

describe('laneLayout', () => {
  it('puts replicas first, then the monitor, then clients, top to bottom', () => {
    const { lanes } = laneLayout(nodes, ['user-1'], 0, 200);
    expect(lanes.map((l) => l.id)).toEqual(['n1', 'n2', 'monitor', 'user-1']);
    expect(lanes.map((l) => l.kind)).toEqual(['node', 'node', 'node', 'client']);
    const ys = lanes.map((l) => l.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  it('caps lane height when there is room to spare, and spaces lanes evenly', () => {
    const layout = laneLayout(nodes, [], 10, 1000);
    expect(layout.laneHeightPx).toBe(MAX_LANE_PX);
    expect(layout.lanes[0]?.y).toBe(10 + MAX_LANE_PX / 2);
    expect(layout.showLabels).toBe(true);
  });

  it('shrinks lanes for a big cluster and hides labels once they would not fit', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ id: `n${i}`, isMonitor: false }));
    const clients = Array.from({ length: 20 }, (_, i) => `user-${i}`);
    const layout = laneLayout(many, clients, 0, 180);
    expect(layout.laneHeightPx).toBeCloseTo(180 / 45);
    expect(layout.laneHeightPx).toBeLessThan(MIN_LABELLED_LANE_PX);
    expect(layout.showLabels).toBe(false);
  });

  it('keeps every lane inside the area it was given, one y per id', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 20, max: 800 }),
        (n, c, top, height) => {
          const ns = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, isMonitor: i === 0 }));
          const cs = Array.from({ length: c }, (_, i) => `c${i}`);
          const layout = laneLayout(ns, cs, top, height);
          expect(layout.lanes).toHaveLength(n + c);
          expect(laneYs(layout).size).toBe(n + c);
          const outside = layout.lanes.filter((l) => l.y <= top || l.y >= top + height);
          expect(outside).toEqual([]);
        },
      ),
      { numRuns: 50 },
    );
  });
});
