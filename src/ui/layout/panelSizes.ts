/**
 * The page's adjustable layout: how wide the side panels are, whether they are shown, and how
 * tall the timeline band is. Pure rules here; `usePanelLayout` keeps the values and remembers them
 * in the browser between visits (they are the user's preference, not part of a run).
 */

export interface PanelLayout {
  sideWidth: number;
  sideOpen: boolean;
  timelineHeight: number;
  /** The user has dragged the timeline's divider: its height is theirs, not the screen's. */
  timelineSized: boolean;
  /** Whether the space-time diagram is shown (open) or folded to its header. */
  timelineOpen: boolean;
}

export const DEFAULT_LAYOUT: PanelLayout = {
  sideWidth: 384,
  sideOpen: true,
  timelineHeight: 220,
  timelineSized: false,
  timelineOpen: true,
};

export const SIDE_WIDTH = { min: 280, max: 640 } as const;
export const TIMELINE_HEIGHT = { min: 120, max: 520 } as const;
/** One arrow-key press moves a divider this far; with Shift, four times as far. */
export const KEY_STEP_PX = 16;

export function clamp(value: number, range: { min: number; max: number }): number {
  return Math.min(range.max, Math.max(range.min, Math.round(value)));
}

/**
 * A stored layout, checked field by field: anything missing or malformed falls back to the
 * default, so an old or hand-edited value never breaks the page.
 */
export function parseLayout(stored: string | null): PanelLayout {
  if (stored === null) return DEFAULT_LAYOUT;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return DEFAULT_LAYOUT;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_LAYOUT;
  const r = raw as Record<string, unknown>;
  const num = (v: unknown, fallback: number, range: { min: number; max: number }) =>
    typeof v === 'number' && Number.isFinite(v) ? clamp(v, range) : fallback;
  const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);
  return {
    sideWidth: num(r.sideWidth, DEFAULT_LAYOUT.sideWidth, SIDE_WIDTH),
    sideOpen: bool(r.sideOpen, DEFAULT_LAYOUT.sideOpen),
    timelineHeight: num(r.timelineHeight, DEFAULT_LAYOUT.timelineHeight, TIMELINE_HEIGHT),
    timelineSized: bool(r.timelineSized, DEFAULT_LAYOUT.timelineSized),
    timelineOpen: bool(r.timelineOpen, DEFAULT_LAYOUT.timelineOpen),
  };
}

/** The new size after a key press on a divider, or null if the key is not the divider's. */
export function sizeAfterKey(
  key: string,
  shift: boolean,
  size: number,
  range: { min: number; max: number },
  /** +1 if ArrowRight/ArrowUp grows the panel, -1 if it shrinks it. */
  growDirection: 1 | -1,
): number | null {
  const step = KEY_STEP_PX * (shift ? 4 : 1) * growDirection;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(size + step, range);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(size - step, range);
    case 'Home':
      return range.min;
    case 'End':
      return range.max;
    default:
      return null;
  }
}
