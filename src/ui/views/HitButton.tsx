/**
 * The transparent button over a mark in the cluster picture: a real `<button>` (in a
 * foreignObject) makes the mark focusable, names it for screen readers and tests, and selects it.
 */

/** What a selectable mark is given by the picture: where it is, and how to select it. */
export interface MarkProps {
  id: string;
  at: { x: number; y: number };
  selected: boolean;
  onSelect: (id: string) => void;
}

export function HitButton({
  id,
  name,
  selected,
  onSelect,
  box,
}: {
  id: string;
  name: string;
  selected: boolean;
  onSelect: (id: string) => void;
  /** The clickable area, relative to the mark's centre. */
  box: { x: number; y: number; width: number; height: number };
}) {
  return (
    <foreignObject x={box.x} y={box.y} width={box.width} height={box.height}>
      <button
        type="button"
        className="node__hit"
        aria-label={name}
        aria-pressed={selected}
        title={name}
        onClick={() => onSelect(id)}
      />
    </foreignObject>
  );
}
