/**
 * Pictures of a view for notes and slides: an SVG (or a PNG drawn from it) of what a view shows
 * now, on white, with the scenario's name above and the message legend below.
 *
 * Built from the view's own DOM, so the picture is exactly what is on screen: each SVG layer is
 * cloned with its computed styles written inline (a file has no stylesheet), each canvas layer
 * is painted again as SVG shapes by the view's own paint code (its registered painter, into an
 * `SvgRecorder`), and chosen HTML labels (the space-time lane names) become text. A canvas with
 * no painter falls back to an embedded image. Every text is set through the DOM and serialised,
 * so titles from a file or a link stay text.
 */
import { categoriesFor, MESSAGE_CATEGORIES } from '../views/messageKinds';
import { vectorPainterOf } from '../views/vectorPainters';
import { type SvgNode, SvgRecorder } from './svgRecorder';

const SVG_NS = 'http://www.w3.org/2000/svg';
const HEADER_PX = 56;
/** Space between the view and the legend, and under the legend. */
const LEGEND_GAP_PX = 10;
const PAD_PX = 16;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** The presentational properties an exported SVG needs to look like the page. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
] as const;

export interface PictureOptions {
  title: string;
  /** A second line under the title: the seed and time, say. */
  subtitle: string;
  /** HTML elements inside the view whose text goes into the picture (lane names). */
  labelSelector?: string;
  /** The scenario's replication family: the legend shows its message categories only. */
  protocol?: string;
}

function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A deep copy of `svg` with every element's computed look written on it. */
function styledClone(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const copy = copies[i] as Element;
    const computed = getComputedStyle(original);
    const declarations = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`);
    copy.setAttribute('style', declarations.join(';'));
    copy.removeAttribute('class');
    if (computed.display === 'none') copy.setAttribute('display', 'none');
  });
  // HTML inside the SVG (the invisible hit buttons) draws nothing, and a browser refuses to
  // turn a picture holding HTML into a PNG.
  for (const html of clone.querySelectorAll('foreignObject')) html.remove();
  return clone;
}

const topLevel = (element: Element) => element.parentElement?.closest('svg') === null;

/** Recorded shapes as SVG elements; attributes and text go through the DOM, never as markup. */
function fromNodes(nodes: readonly SvgNode[]): SVGElement[] {
  return nodes.map((node) => {
    const element = svgElement(node.name, node.attributes, node.text);
    element.append(...fromNodes(node.children ?? []));
    return element;
  });
}

interface Place {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A canvas layer as shapes, painted again by its view at CSS-pixel scale into a nested SVG
 * of the canvas's size (which clips it as the canvas does); an image if no view paints it.
 */
function canvasLayer(canvas: HTMLCanvasElement, place: Place, idPrefix: string): SVGElement {
  const painter = vectorPainterOf(canvas);
  if (painter === undefined) {
    return svgElement('image', { ...place, href: canvas.toDataURL('image/png') });
  }
  const recorder = new SvgRecorder(place.width, place.height, idPrefix);
  painter(recorder);
  const layer = svgElement('svg', {
    ...place,
    viewBox: `0 0 ${place.width} ${place.height}`,
    overflow: 'hidden',
  });
  layer.append(...fromNodes(recorder.nodes()));
  return layer;
}

/**
 * An HTML label as SVG text, set as on screen: its alignment (lane names are right-aligned
 * against the diagram), weight, family, size and colour.
 */
function labelText(element: Element, place: Place): SVGElement {
  const style = getComputedStyle(element);
  const end = style.textAlign === 'right' || style.textAlign === 'end';
  const x = end
    ? place.x + place.width - (Number.parseFloat(style.paddingRight) || 0)
    : place.x + (Number.parseFloat(style.paddingLeft) || 0);
  return svgElement(
    'text',
    {
      x,
      y: place.y + place.height / 2,
      'text-anchor': end ? 'end' : 'start',
      'dominant-baseline': 'middle',
      'font-size': Number.parseFloat(style.fontSize) || 12,
      'font-weight': style.fontWeight || 'normal',
      'font-family': style.fontFamily || FONT,
      fill: style.color || '#1a2133',
    },
    element.textContent?.trim() ?? '',
  );
}

/** The layers of `view`, in paint order, placed where they are on screen. */
function layers(view: HTMLElement, origin: DOMRect, labelSelector?: string): SVGElement[] {
  const out: SVGElement[] = [];
  const selector = labelSelector === undefined ? 'svg, canvas' : `svg, canvas, ${labelSelector}`;
  for (const element of view.querySelectorAll(selector)) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const place: Place = {
      x: box.left - origin.left,
      y: box.top - origin.top + HEADER_PX,
      width: box.width,
      height: box.height,
    };
    if (element instanceof SVGSVGElement && topLevel(element)) {
      const clone = styledClone(element);
      for (const [key, value] of Object.entries(place)) clone.setAttribute(key, String(value));
      out.push(clone);
    } else if (element instanceof HTMLCanvasElement) {
      out.push(canvasLayer(element, place, `layer${out.length + 1}`));
    } else if (labelSelector !== undefined && element.matches(labelSelector)) {
      out.push(labelText(element, place));
    }
  }
  return out;
}

/** Legend rows are this tall; a row's entries are spaced by their labels' estimated widths. */
const LEGEND_ROW_PX = 20;
const LEGEND_CHAR_PX = 7;

/** Each legend entry's place: entries flow left to right and wrap within `width`. */
export function legendPlaces(
  labels: readonly string[],
  width: number,
): Array<{ x: number; row: number }> {
  let x = PAD_PX;
  let row = 0;
  return labels.map((label) => {
    const entry = 28 + label.length * LEGEND_CHAR_PX;
    if (x > PAD_PX && x + entry > width - PAD_PX) {
      x = PAD_PX;
      row += 1;
    }
    const place = { x, row };
    x += entry;
    return place;
  });
}

/**
 * The message legend as on screen: the scenario's message categories, read from the same CSS
 * variables the view uses, and how a lost message looks (a cross).
 */
function legend(view: HTMLElement, protocol: string | undefined, width: number, top: number) {
  const style = getComputedStyle(view);
  const colour = (name: string, fallback: string) =>
    style.getPropertyValue(name).trim() || fallback;
  const categories = protocol === undefined ? MESSAGE_CATEGORIES : categoriesFor(protocol);
  const labels = [...categories.map((c) => c.label), DROPPED_LABEL];
  const places = legendPlaces(labels, width);
  const group = svgElement('g', { 'font-size': 12, 'font-family': FONT });
  labels.forEach((label, i) => {
    const { x, row } = places[i] ?? { x: PAD_PX, row: 0 };
    const y = top + LEGEND_ROW_PX * (row + 0.5);
    const category = categories[i]?.category;
    if (category !== undefined) {
      group.append(
        svgElement('circle', { cx: x + 5, cy: y, r: 5, fill: colour(`--msg-${category}`, '#888') }),
      );
    } else {
      const danger = colour('--danger', '#b91c1c');
      group.append(
        svgElement('circle', {
          cx: x + 5,
          cy: y,
          r: 5,
          fill: colour('--msg-heartbeat', '#9aa3b2'),
          stroke: danger,
        }),
        svgElement('path', {
          d: `M${x + 2} ${y - 3}L${x + 8} ${y + 3}M${x + 8} ${y - 3}L${x + 2} ${y + 3}`,
          stroke: danger,
          'stroke-width': 1.5,
        }),
      );
    }
    group.append(
      svgElement('text', { x: x + 14, y, 'dominant-baseline': 'middle', fill: '#1a2133' }, label),
    );
  });
  return { group, rows: (places.at(-1)?.row ?? 0) + 1 };
}

const DROPPED_LABEL = 'Dropped or lost';

/** An SVG document of `view` as it looks now. */
export function pictureSvg(view: HTMLElement, options: PictureOptions): string {
  const origin = view.getBoundingClientRect();
  const width = Math.round(origin.width);
  const viewBottom = Math.round(origin.height) + HEADER_PX;
  const key = legend(view, options.protocol, width, viewBottom + LEGEND_GAP_PX);
  const height = viewBottom + LEGEND_GAP_PX + key.rows * LEGEND_ROW_PX + LEGEND_GAP_PX;
  const svg = svgElement('svg', {
    xmlns: SVG_NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
  });
  svg.append(svgElement('rect', { width, height, fill: '#ffffff' }));
  svg.append(
    svgElement(
      'text',
      {
        x: PAD_PX,
        y: 24,
        'font-size': 18,
        'font-weight': 600,
        'font-family': FONT,
        fill: '#1a2133',
      },
      options.title,
    ),
    svgElement(
      'text',
      { x: PAD_PX, y: 44, 'font-size': 12, 'font-family': FONT, fill: '#535d72' },
      options.subtitle,
    ),
  );
  svg.append(...layers(view, origin, options.labelSelector));
  svg.append(key.group);
  return new XMLSerializer().serializeToString(svg);
}

/** The same picture as a PNG, at twice the screen's size so it stays sharp on a slide. */
export async function picturePng(svgText: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * 2;
    canvas.height = image.naturalHeight * 2;
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('no 2-D canvas for the PNG');
    ctx.scale(2, 2);
    ctx.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
