/**
 * A divider between two parts of the page that the user drags, or moves with the arrow keys
 * (a focusable ARIA `separator` with its value, as the WAI-ARIA window-splitter pattern has it).
 * Double-click puts it back to its default.
 */
import { useRef } from 'react';
import { clamp, sizeAfterKey } from './panelSizes';

export function ResizeHandle({
  label,
  orientation,
  size,
  range,
  defaultSize,
  growDirection,
  onResize,
}: {
  label: string;
  /** `vertical`: a divider standing upright, dragged left and right. */
  orientation: 'vertical' | 'horizontal';
  size: number;
  range: { min: number; max: number };
  defaultSize: number;
  /** +1 if dragging right/up grows the panel, -1 if it shrinks it. */
  growDirection: 1 | -1;
  onResize: (size: number) => void;
}) {
  const start = useRef<{ pointer: number; size: number } | null>(null);
  const along = (e: { clientX: number; clientY: number }) =>
    orientation === 'vertical' ? e.clientX : -e.clientY;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an <hr> cannot be focused or dragged.
    <div
      className={`resize-handle resize-handle--${orientation}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={size}
      aria-valuemin={range.min}
      aria-valuemax={range.max}
      title={`${label}: drag, or use the arrow keys; double-click to reset`}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        start.current = { pointer: along(e), size };
      }}
      onPointerMove={(e) => {
        if (start.current === null) return;
        const moved = along(e) - start.current.pointer;
        onResize(clamp(start.current.size + moved * growDirection, range));
      }}
      onPointerUp={() => {
        start.current = null;
      }}
      onDoubleClick={() => onResize(defaultSize)}
      onKeyDown={(e) => {
        const next = sizeAfterKey(e.key, e.shiftKey, size, range, growDirection);
        if (next === null) return;
        e.preventDefault();
        // The page-wide shortcuts (arrows step the simulation) must not see this key too.
        e.stopPropagation();
        onResize(next);
      }}
    />
  );
}
