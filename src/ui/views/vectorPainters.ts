/**
 * Canvas layers that can paint themselves again into any 2-D context. A canvas is pixels; an
 * exported picture wants shapes. Each view that draws on a canvas registers, for that canvas, a
 * function that paints its current frame with the same code the screen uses, so an export can
 * hand it a context that records SVG instead (`share/svgRecorder.ts`, used by `share/picture.ts`).
 */

/** What the views' paint code uses of a canvas 2-D context: a real one, or an SVG recorder. */
export type PaintContext = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'setTransform'
  | 'clearRect'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'arc'
  | 'closePath'
  | 'rect'
  | 'fill'
  | 'stroke'
  | 'fillRect'
  | 'strokeRect'
  | 'clip'
  | 'fillText'
  | 'setLineDash'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'globalAlpha'
  | 'font'
  | 'textBaseline'
> & { readonly canvas: { readonly width: number; readonly height: number } };

/**
 * Paints the canvas's current frame into `ctx` at CSS-pixel scale: one unit is one CSS pixel,
 * the origin the canvas's top-left corner, whatever the device's pixel ratio.
 */
export type VectorPainter = (ctx: PaintContext) => void;

// Weak: a canvas that leaves the page takes its painter with it.
const painters = new WeakMap<HTMLCanvasElement, VectorPainter>();

/** Let exports repaint `canvas` as shapes. Returns the function that takes it back. */
export function registerVectorPainter(
  canvas: HTMLCanvasElement,
  painter: VectorPainter,
): () => void {
  painters.set(canvas, painter);
  return () => {
    if (painters.get(canvas) === painter) painters.delete(canvas);
  };
}

/** The painter registered for `canvas`, if any. */
export function vectorPainterOf(canvas: HTMLCanvasElement): VectorPainter | undefined {
  return painters.get(canvas);
}
