/**
 * The views' own paint code, painted into the SVG recorder: what an exported picture holds
 * for the cluster view's messages and the space-time diagram.
 */
import { describe, expect, it } from 'vitest';
import type { TimelineMessage } from '../../store/timeline';
import { type CategoryColours, drawMessages, RADIUS } from '../views/messageCanvas';
import { MESSAGE_CATEGORIES } from '../views/messageKinds';
import type { MessageMark } from '../views/messageMarks';
import { laneLayout, laneYs } from '../views/spacetime/lanes';
import type { OpSpan } from '../views/spacetime/opSpans';
import { type Palette, paintScene } from '../views/spacetime/paint';
import { buildScene } from '../views/spacetime/scene';
import { registerVectorPainter, vectorPainterOf } from '../views/vectorPainters';
import { type SvgNode, SvgRecorder } from './svgRecorder';

/** A distinct colour per category, so a shape's colour says which category it drew. */
const COLOURS = Object.fromEntries(
  MESSAGE_CATEGORIES.map(({ category }, i) => [category, `#0000${String(10 + i)}`]),
) as CategoryColours;
const DROP = '#ff0000';

const mark = (over: Partial<MessageMark>): MessageMark => ({
  key: 'm1',
  id: 1,
  kind: 'replicate',
  from: 'n1',
  to: 'n2',
  x: 0,
  y: 0,
  category: 'replication',
  dropped: false,
  opacity: 1,
  small: false,
  ...over,
});

/** Every point a path's `d` names, as numbers. */
function points(d: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [, command, args] of d.matchAll(/([MLA])([^MLAZ]*)/g)) {
    const n = (args ?? '').trim().split(/\s+/).map(Number);
    out.push(command === 'A' ? [n[5] as number, n[6] as number] : [n[0] as number, n[1] as number]);
  }
  return out;
}

const fills = (nodes: SvgNode[], colour: string) =>
  nodes.filter((n) => n.name === 'path' && n.attributes.fill === colour);
const strokes = (nodes: SvgNode[], colour: string) =>
  nodes.filter((n) => n.attributes.stroke === colour && n.attributes.fill === 'none');

describe('cluster messages as shapes', () => {
  // View-box units to CSS pixels: scale 2, then 100 right and 50 down.
  const toCss = { a: 2, b: 0, c: 0, d: 2, e: 100, f: 50 };

  it('a message in flight is a circle in its category colour, at its place on screen', () => {
    const rec = new SvgRecorder(600, 400);
    const marks = [
      mark({ x: 10, y: 20 }),
      mark({ key: 'm2', id: 2, x: 40, y: 5, category: 'ack' }),
    ];
    drawMessages(rec, marks, toCss, { colours: COLOURS, emphasised: new Set(), dropColour: DROP });
    const nodes = rec.nodes();
    const replication = fills(nodes, COLOURS.replication);
    const ack = fills(nodes, COLOURS.ack);
    expect(replication).toHaveLength(1);
    expect(ack).toHaveLength(1);
    for (const [shape, centre] of [
      [replication[0], [120, 90]],
      [ack[0], [180, 60]],
    ] as const) {
      const d = shape?.attributes.d ?? '';
      expect(d).toContain('A');
      for (const [x, y] of points(d)) {
        expect(Math.hypot(x - centre[0], y - centre[1])).toBeCloseTo(2 * RADIUS, 1);
      }
    }
    expect(nodes.some((n) => n.attributes.fill === DROP || n.attributes.stroke === DROP)).toBe(
      false,
    );
  });

  it('a dropped message fades and carries a cross through its centre in the drop colour', () => {
    const rec = new SvgRecorder(600, 400);
    const dropped = mark({ x: 30, y: 30, dropped: true, opacity: 0.4, category: 'client' });
    drawMessages(rec, [dropped], toCss, {
      colours: COLOURS,
      emphasised: new Set(),
      dropColour: DROP,
    });
    const nodes = rec.nodes();
    const [disc] = fills(nodes, COLOURS.client);
    expect(disc?.attributes.opacity).toBe('0.4');
    const [cross] = strokes(nodes, DROP);
    const ends = points(cross?.attributes.d ?? '');
    expect(ends).toHaveLength(4);
    // Two strokes, each through the centre (160, 110), crossing at right angles.
    const [a, b, c, d] = ends as [
      [number, number],
      [number, number],
      [number, number],
      [number, number],
    ];
    expect((a[0] + b[0]) / 2).toBeCloseTo(160);
    expect((a[1] + b[1]) / 2).toBeCloseTo(110);
    expect((c[0] + d[0]) / 2).toBeCloseTo(160);
    expect((c[1] + d[1]) / 2).toBeCloseTo(110);
    expect((b[0] - a[0]) * (d[0] - c[0]) + (b[1] - a[1]) * (d[1] - c[1])).toBeCloseTo(0);
  });

  it('an emphasised message gets a ring around it; the others do not', () => {
    const rec = new SvgRecorder(600, 400);
    const marks = [mark({ x: 10, y: 10 }), mark({ key: 'm2', id: 2, x: 60, y: 10 })];
    drawMessages(rec, marks, toCss, {
      colours: COLOURS,
      emphasised: new Set(['m2']),
      dropColour: DROP,
    });
    const rings = strokes(rec.nodes(), COLOURS.replication);
    expect(rings).toHaveLength(1);
    for (const [x, y] of points(rings[0]?.attributes.d ?? '')) {
      expect(Math.hypot(x - 220, y - 70)).toBeCloseTo(2 * (RADIUS + 4), 1);
    }
  });
});

const PALETTE: Palette = {
  lane: '#lane00',
  down: '#down00',
  danger: '#danger',
  ok: '#ok0000',
  text: '#text00',
  quorumWrite: '#qw0000',
  quorumRead: '#qr0000',
  outcome: { ok: '#out-ok', fail: '#out-fail', info: '#out-info', pending: '#out-wait' },
  category: COLOURS,
};

const message = (over: Partial<TimelineMessage>): TimelineMessage => ({
  id: 1,
  kind: 'replicate',
  from: 'n1',
  to: 'n2',
  sentAt: 100,
  deliverAt: 200,
  fate: 'delivered',
  ...over,
});

describe('the space-time diagram as shapes', () => {
  const width = 600;
  const height = 200;
  const lanes = laneLayout(
    [
      { id: 'n1', isMonitor: false },
      { id: 'n2', isMonitor: false },
    ],
    ['c1'],
    6,
    170,
  );
  const span: OpSpan = {
    opId: 7,
    client: 'c1',
    f: 'write',
    key: 'x',
    value: 1,
    startMs: 50,
    endMs: 450,
    outcome: 'ok',
  };
  const scene = buildScene({
    t: 500,
    window: { startMs: 0, spanMs: 1000 },
    widthPx: width,
    laneY: laneYs(lanes),
    finished: [
      message({ id: 1 }),
      message({ id: 2, kind: 'write', from: 'c1', to: 'n1', fate: 'dropped', deliverAt: 300 }),
    ],
    inFlight: [],
    spans: [span],
    marks: [{ node: 'n2', t: 250, type: 'crash' }],
  });
  const rec = new SvgRecorder(width, height);
  paintScene(rec, scene, lanes, { width, height, ratio: 1 }, PALETTE);
  const nodes = rec.nodes();

  it('draws a line per lane across the width', () => {
    const [laneLines] = strokes(nodes, PALETTE.lane);
    const ys = points(laneLines?.attributes.d ?? '').map(([, y]) => y);
    expect(new Set(ys)).toEqual(new Set(lanes.lanes.map((l) => Math.round(l.y) + 0.5)));
    expect(points(laneLines?.attributes.d ?? '').map(([x]) => x)).toEqual([
      0,
      width,
      0,
      width,
      0,
      width,
    ]);
  });

  it('a delivered message is an arrow in its category colour from sender to receiver', () => {
    const arrow = scene.arrows.find((a) => a.message.id === 1);
    const [line] = strokes(nodes, COLOURS.replication);
    expect(points(line?.attributes.d ?? '')).toEqual([
      [Math.round((arrow?.x1 ?? 0) * 100) / 100, Math.round((arrow?.y1 ?? 0) * 100) / 100],
      [Math.round((arrow?.x2 ?? 0) * 100) / 100, Math.round((arrow?.y2 ?? 0) * 100) / 100],
    ]);
    expect(fills(nodes, COLOURS.replication)).toHaveLength(1);
  });

  it('a lost message is dashed and faded, and ends in a cross in the danger colour', () => {
    const [line] = strokes(nodes, COLOURS.client);
    expect(line?.attributes['stroke-dasharray']).toBe('3 3');
    expect(Number(line?.attributes.opacity)).toBeLessThan(1);
    const lost = scene.arrows.find((a) => a.message.id === 2);
    const [cross] = strokes(nodes, PALETTE.danger);
    const ends = points(cross?.attributes.d ?? '');
    expect(ends).toHaveLength(4);
    const mid = [
      (ends[0]?.[0] ?? 0) / 2 + (ends[1]?.[0] ?? 0) / 2,
      (ends[0]?.[1] ?? 0) / 2 + (ends[1]?.[1] ?? 0) / 2,
    ];
    expect(mid[0]).toBeCloseTo(lost?.x2 ?? Number.NaN, 1);
    expect(mid[1]).toBeCloseTo(lost?.y2 ?? Number.NaN, 1);
  });

  it('an operation is a bar in its outcome colour with its label as text', () => {
    const bars = nodes.filter((n) => n.name === 'rect' && n.attributes.fill === '#out-ok');
    expect(bars).toHaveLength(1);
    const label = nodes.find((n) => n.name === 'text');
    expect(label?.text).toBe('W x = 1');
    expect(label?.attributes.fill).toBe(PALETTE.text);
    expect(label?.attributes['clip-path']).toMatch(/^url\(#clip-\d+\)$/);
  });

  it('a crash is a square mark in the danger colour, and the node lane turns grey after it', () => {
    const crash = nodes.find(
      (n) =>
        n.attributes.fill === PALETTE.danger && n.name === 'path' && !n.attributes.d?.includes('A'),
    );
    expect(points(crash?.attributes.d ?? '')).toHaveLength(4);
    expect(nodes.some((n) => n.name === 'rect' && n.attributes.fill === PALETTE.down)).toBe(true);
  });
});

describe('the painter registry', () => {
  it('finds a canvas painter until it is taken back, and a stale take-back keeps the new one', () => {
    const canvas = {} as HTMLCanvasElement;
    const first = () => {};
    const second = () => {};
    const takeBackFirst = registerVectorPainter(canvas, first);
    expect(vectorPainterOf(canvas)).toBe(first);
    const takeBackSecond = registerVectorPainter(canvas, second);
    takeBackFirst();
    expect(vectorPainterOf(canvas)).toBe(second);
    takeBackSecond();
    expect(vectorPainterOf(canvas)).toBeUndefined();
  });
});
