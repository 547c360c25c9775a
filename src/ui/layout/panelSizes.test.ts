import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAYOUT,
  KEY_STEP_PX,
  parseLayout,
  SIDE_WIDTH,
  sizeAfterKey,
  TIMELINE_HEIGHT,
} from './panelSizes';

describe('parseLayout', () => {
  it('falls back to the default for nothing stored or something unreadable', () => {
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{not json')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('42')).toEqual(DEFAULT_LAYOUT);
  });

  it('keeps good fields, replaces bad ones, and clamps sizes into range', () => {
    const layout = parseLayout(
      JSON.stringify({
        sideWidth: 10_000,
        sideOpen: false,
        timelineHeight: 'tall',
        timelineOpen: 'no',
      }),
    );
    expect(layout).toEqual({
      sideWidth: SIDE_WIDTH.max,
      sideOpen: false,
      timelineHeight: DEFAULT_LAYOUT.timelineHeight,
      timelineSized: false,
      timelineOpen: true,
    });
    expect(parseLayout(JSON.stringify({ timelineOpen: false })).timelineOpen).toBe(false);
  });

  it('always yields sizes within their ranges, whatever was stored', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const layout = parseLayout(JSON.stringify(value));
        expect(layout.sideWidth).toBeGreaterThanOrEqual(SIDE_WIDTH.min);
        expect(layout.sideWidth).toBeLessThanOrEqual(SIDE_WIDTH.max);
        expect(layout.timelineHeight).toBeGreaterThanOrEqual(TIMELINE_HEIGHT.min);
        expect(layout.timelineHeight).toBeLessThanOrEqual(TIMELINE_HEIGHT.max);
      }),
    );
  });
});

describe('sizeAfterKey', () => {
  it('grows and shrinks by a step, four with Shift, in the divider’s direction', () => {
    expect(sizeAfterKey('ArrowLeft', false, 400, SIDE_WIDTH, -1)).toBe(400 + KEY_STEP_PX);
    expect(sizeAfterKey('ArrowRight', true, 400, SIDE_WIDTH, -1)).toBe(400 - 4 * KEY_STEP_PX);
    expect(sizeAfterKey('ArrowUp', false, 200, TIMELINE_HEIGHT, 1)).toBe(200 + KEY_STEP_PX);
  });

  it('jumps to the ends with Home and End, and ignores other keys', () => {
    expect(sizeAfterKey('Home', false, 400, SIDE_WIDTH, -1)).toBe(SIDE_WIDTH.min);
    expect(sizeAfterKey('End', false, 400, SIDE_WIDTH, -1)).toBe(SIDE_WIDTH.max);
    expect(sizeAfterKey('a', false, 400, SIDE_WIDTH, -1)).toBeNull();
  });
});
