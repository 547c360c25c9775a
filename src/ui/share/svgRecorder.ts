/**
 * A 2-D context that records SVG shapes instead of pixels, so an exported picture of a canvas
 * layer is vector through and through: sharp at any zoom, editable, its text selectable.
 *
 * It implements only what the views' paint code uses (`PaintContext`): paths of lines, arcs and
 * rectangles, filled or stroked; rectangles; clipping; text; dashes; alpha; the current
 * transform with save and restore. Points are transformed as they are added (as a canvas does),
 * so the shapes come out in the recorder's own units. A small recorder of our own rather than a
 * library: that subset is all the views need, and it runs without a DOM (the unit tests use it
 * in Node); `share/picture.ts` turns its nodes into SVG elements.
 */
import type { Affine } from '../views/messageCanvas';
import type { PaintContext } from '../views/vectorPainters';

/** One recorded SVG element: its name, attributes, text and children, as plain data. */
export interface SvgNode {
  name: 'path' | 'rect' | 'text' | 'clipPath';
  attributes: Record<string, string>;
  text?: string;
  children?: SvgNode[];
}

type Matrix = Affine;

interface Point {
  x: number;
  y: number;
}

type Paint = string | CanvasGradient | CanvasPattern;

interface DrawingState {
  matrix: Matrix;
  fillStyle: Paint;
  strokeStyle: Paint;
  lineWidth: number;
  globalAlpha: number;
  font: string;
  textBaseline: CanvasTextBaseline;
  lineDash: number[];
  clipId: string | null;
}

const IDENTITY: Matrix = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };
const EPSILON = 1e-6;
/** Arcs under a transform that is not a similarity are drawn as lines this many per turn. */
const STEPS_PER_TURN = 64;

/** Short, stable numbers: two decimals are a hundredth of a pixel. */
function num(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Gradients and patterns have no SVG counterpart here; the views use plain colours. */
function colour(paint: Paint): string {
  return typeof paint === 'string' ? paint : '#000000';
}

/** How far the matrix scales lengths (exact for the uniform scales the views use). */
function scaleOf(m: Matrix): number {
  return Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
}

/** A rotation and uniform scale (and translation): circles stay circles under it. */
function isSimilarity(m: Matrix): boolean {
  return Math.abs(m.a - m.d) < EPSILON && Math.abs(m.b + m.c) < EPSILON;
}

/** `fillText`'s baselines in SVG's words. */
const BASELINES: Record<CanvasTextBaseline, string | null> = {
  alphabetic: null,
  bottom: 'text-after-edge',
  hanging: 'hanging',
  ideographic: 'ideographic',
  middle: 'middle',
  top: 'text-before-edge',
};

export class SvgRecorder implements PaintContext {
  readonly canvas: { readonly width: number; readonly height: number };
  fillStyle: Paint = '#000000';
  strokeStyle: Paint = '#000000';
  lineWidth = 1;
  globalAlpha = 1;
  font = '10px sans-serif';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  private matrix: Matrix = IDENTITY;
  private lineDash: number[] = [];
  private clipId: string | null = null;
  private readonly saved: DrawingState[] = [];
  private path: string[] = [];
  private current: Point | null = null;
  private subpathStart: Point | null = null;
  private readonly clips: SvgNode[] = [];
  private shapes: SvgNode[] = [];

  /**
   * @param width, height the area painted, in the units the shapes come out in (CSS pixels)
   * @param idPrefix clip-path ids start with it: unique per recorder within one document
   */
  constructor(
    width: number,
    height: number,
    private readonly idPrefix = 'clip',
  ) {
    this.canvas = { width, height };
  }

  /** What was painted: clip paths first (shapes refer to them), then shapes in paint order. */
  nodes(): SvgNode[] {
    return [...this.clips, ...this.shapes];
  }

  save(): void {
    this.saved.push({
      matrix: this.matrix,
      fillStyle: this.fillStyle,
      strokeStyle: this.strokeStyle,
      lineWidth: this.lineWidth,
      globalAlpha: this.globalAlpha,
      font: this.font,
      textBaseline: this.textBaseline,
      lineDash: this.lineDash,
      clipId: this.clipId,
    });
  }

  restore(): void {
    const state = this.saved.pop();
    // The saved fields have the names of the ones they restore.
    if (state !== undefined) Object.assign(this, state);
  }

  setTransform(a?: number | DOMMatrix2DInit, b = 0, c = 0, d = 1, e = 0, f = 0): void {
    if (typeof a === 'number') this.matrix = { a, b, c, d, e, f };
    else if (a === undefined) this.matrix = IDENTITY;
    else {
      this.matrix = {
        a: a.a ?? a.m11 ?? 1,
        b: a.b ?? a.m12 ?? 0,
        c: a.c ?? a.m21 ?? 0,
        d: a.d ?? a.m22 ?? 1,
        e: a.e ?? a.m41 ?? 0,
        f: a.f ?? a.m42 ?? 0,
      };
    }
  }

  setLineDash(segments: Iterable<number>): void {
    this.lineDash = [...segments];
  }

  /** Erasing the whole area starts the picture afresh; SVG cannot erase a part of it. */
  clearRect(x: number, y: number, width: number, height: number): void {
    const from = this.at(x, y);
    const to = this.at(x + width, y + height);
    const { width: w, height: h } = this.canvas;
    const left = Math.min(from.x, to.x);
    const top = Math.min(from.y, to.y);
    const right = Math.max(from.x, to.x);
    const bottom = Math.max(from.y, to.y);
    if (left <= 0 && top <= 0 && right >= w && bottom >= h) this.shapes = [];
  }

  beginPath(): void {
    this.path = [];
    this.current = null;
    this.subpathStart = null;
  }

  moveTo(x: number, y: number): void {
    const p = this.at(x, y);
    this.path.push(`M${num(p.x)} ${num(p.y)}`);
    this.current = p;
    this.subpathStart = p;
  }

  lineTo(x: number, y: number): void {
    if (this.current === null) {
      this.moveTo(x, y);
      return;
    }
    const p = this.at(x, y);
    this.path.push(`L${num(p.x)} ${num(p.y)}`);
    this.current = p;
  }

  closePath(): void {
    if (this.current === null) return;
    this.path.push('Z');
    this.current = this.subpathStart;
  }

  rect(x: number, y: number, width: number, height: number): void {
    this.moveTo(x, y);
    this.lineTo(x + width, y);
    this.lineTo(x + width, y + height);
    this.lineTo(x, y + height);
    this.closePath();
  }

  arc(
    x: number,
    y: number,
    radius: number,
    startAngle: number,
    endAngle: number,
    counterclockwise = false,
  ): void {
    const turn = 2 * Math.PI;
    const r = Math.max(0, radius);
    let sweep: number;
    if (!counterclockwise && endAngle - startAngle >= turn) sweep = turn;
    else if (counterclockwise && startAngle - endAngle >= turn) sweep = -turn;
    else if (counterclockwise) sweep = -((((startAngle - endAngle) % turn) + turn) % turn);
    else sweep = (((endAngle - startAngle) % turn) + turn) % turn;
    const pointAt = (angle: number) => this.at(x + r * Math.cos(angle), y + r * Math.sin(angle));
    const start = pointAt(startAngle);
    // A canvas joins the current point to the arc's start with a line.
    if (this.current === null) {
      this.path.push(`M${num(start.x)} ${num(start.y)}`);
      this.subpathStart = start;
    } else if (Math.hypot(start.x - this.current.x, start.y - this.current.y) > EPSILON) {
      this.path.push(`L${num(start.x)} ${num(start.y)}`);
    }
    this.current = start;
    if (sweep === 0 || r === 0) return;
    const m = this.matrix;
    if (isSimilarity(m)) {
      // SVG arcs end where they start when asked for a full turn: at most half a turn each.
      const pieces = Math.max(1, Math.ceil(Math.abs(sweep) / Math.PI - EPSILON));
      const radiusOut = num(r * scaleOf(m));
      const sweepFlag = sweep > 0 === m.a * m.d - m.b * m.c > 0 ? 1 : 0;
      for (let i = 1; i <= pieces; i++) {
        const p = pointAt(startAngle + (sweep * i) / pieces);
        this.path.push(`A${radiusOut} ${radiusOut} 0 0 ${sweepFlag} ${num(p.x)} ${num(p.y)}`);
        this.current = p;
      }
      return;
    }
    const steps = Math.max(1, Math.ceil((Math.abs(sweep) / turn) * STEPS_PER_TURN));
    for (let i = 1; i <= steps; i++) {
      const p = pointAt(startAngle + (sweep * i) / steps);
      this.path.push(`L${num(p.x)} ${num(p.y)}`);
      this.current = p;
    }
  }

  fill(fillRule?: CanvasFillRule | Path2D): void {
    if (typeof fillRule === 'object') throw new Error('SvgRecorder: Path2D is not supported');
    if (this.path.length === 0) return;
    this.emit('path', {
      d: this.path.join(''),
      fill: colour(this.fillStyle),
      ...(fillRule === 'evenodd' ? { 'fill-rule': 'evenodd' } : {}),
    });
  }

  stroke(path?: Path2D): void {
    if (path !== undefined) throw new Error('SvgRecorder: Path2D is not supported');
    if (this.path.length === 0) return;
    this.emit('path', { d: this.path.join(''), fill: 'none', ...this.strokeAttributes() });
  }

  fillRect(x: number, y: number, width: number, height: number): void {
    this.emitRect(x, y, width, height, { fill: colour(this.fillStyle) });
  }

  strokeRect(x: number, y: number, width: number, height: number): void {
    this.emitRect(x, y, width, height, { fill: 'none', ...this.strokeAttributes() });
  }

  /** Later shapes are clipped to the current path (within any clip already in force). */
  clip(fillRule?: CanvasFillRule | Path2D): void {
    if (typeof fillRule === 'object') throw new Error('SvgRecorder: Path2D is not supported');
    const id = `${this.idPrefix}-${this.clips.length + 1}`;
    const shape: SvgNode = { name: 'path', attributes: { d: this.path.join('') || 'M0 0' } };
    if (fillRule === 'evenodd') shape.attributes['clip-rule'] = 'evenodd';
    this.clips.push({
      name: 'clipPath',
      attributes: {
        id,
        ...(this.clipId === null ? {} : { 'clip-path': `url(#${this.clipId})` }),
      },
      children: [shape],
    });
    this.clipId = id;
  }

  fillText(text: string, x: number, y: number): void {
    const p = this.at(x, y);
    const { sizePx, family, weight } = parseFont(this.font);
    const baseline = BASELINES[this.textBaseline];
    this.emit(
      'text',
      {
        x: num(p.x),
        y: num(p.y),
        'font-size': num(sizePx * scaleOf(this.matrix)),
        'font-family': family,
        ...(weight === null ? {} : { 'font-weight': weight }),
        ...(baseline === null ? {} : { 'dominant-baseline': baseline }),
        fill: colour(this.fillStyle),
      },
      text,
    );
  }

  private at(x: number, y: number): Point {
    const { a, b, c, d, e, f } = this.matrix;
    return { x: a * x + c * y + e, y: b * x + d * y + f };
  }

  private strokeAttributes(): Record<string, string> {
    const scale = scaleOf(this.matrix);
    return {
      stroke: colour(this.strokeStyle),
      'stroke-width': num(this.lineWidth * scale),
      ...(this.lineDash.length === 0
        ? {}
        : { 'stroke-dasharray': this.lineDash.map((n) => num(n * scale)).join(' ') }),
    };
  }

  private emitRect(
    x: number,
    y: number,
    width: number,
    height: number,
    look: Record<string, string>,
  ): void {
    const m = this.matrix;
    if (Math.abs(m.b) > EPSILON || Math.abs(m.c) > EPSILON) {
      // Rotated: a rectangle is no longer axis-aligned, so it goes as a path.
      const path = this.path;
      this.path = [];
      this.rect(x, y, width, height);
      this.emit('path', { d: this.path.join(''), ...look });
      this.path = path;
      return;
    }
    const from = this.at(x, y);
    const to = this.at(x + width, y + height);
    this.emit('rect', {
      x: num(Math.min(from.x, to.x)),
      y: num(Math.min(from.y, to.y)),
      width: num(Math.abs(to.x - from.x)),
      height: num(Math.abs(to.y - from.y)),
      ...look,
    });
  }

  private emit(name: SvgNode['name'], attributes: Record<string, string>, text?: string): void {
    if (this.globalAlpha < 1) attributes.opacity = num(this.globalAlpha);
    if (this.clipId !== null) attributes['clip-path'] = `url(#${this.clipId})`;
    this.shapes.push(text === undefined ? { name, attributes } : { name, attributes, text });
  }
}

/** The size, family and weight of a CSS font shorthand such as `bold 10px system-ui, sans-serif`. */
export function parseFont(font: string): {
  sizePx: number;
  family: string;
  weight: string | null;
} {
  const match = /(?:^|\s)(\d+(?:\.\d+)?)px(?:\/\S+)?\s+(.+)$/.exec(font);
  const before = match === null ? '' : font.slice(0, match.index);
  const weight = /\b(bold|bolder|lighter|[1-9]00)\b/.exec(before)?.[1] ?? null;
  return {
    sizePx: match === null ? 10 : Number(match[1]),
    family: match?.[2]?.trim() ?? 'sans-serif',
    weight,
  };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}

/** Recorded nodes as SVG markup (for tests and anything without a DOM). */
export function svgMarkup(nodes: readonly SvgNode[]): string {
  return nodes
    .map((node) => {
      const attributes = Object.entries(node.attributes)
        .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
        .join('');
      const inner = `${escapeXml(node.text ?? '')}${svgMarkup(node.children ?? [])}`;
      return inner === ''
        ? `<${node.name}${attributes}/>`
        : `<${node.name}${attributes}>${inner}</${node.name}>`;
    })
    .join('');
}
