import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFont, type SvgNode, SvgRecorder, svgMarkup } from './svgRecorder';

/** The points a path's commands end on, read back from its `d` (M, L, A and Z). */
function pathPoints(d: string): Array<{ command: string; x: number; y: number; r?: number }> {
  const out: Array<{ command: string; x: number; y: number; r?: number }> = [];
  for (const [, command, args] of d.matchAll(/([MLAZ])([^MLAZ]*)/g)) {
    const n = (args ?? '').trim().split(/\s+/).filter(Boolean).map(Number);
    if (command === 'A') out.push({ command, x: n[5] as number, y: n[6] as number, r: n[0] });
    else if (command !== 'Z') out.push({ command: command as string, x: n[0] ?? 0, y: n[1] ?? 0 });
  }
  return out;
}

const only = (nodes: SvgNode[], name: SvgNode['name']) => nodes.filter((n) => n.name === name);

describe('SvgRecorder paths', () => {
  it('a filled circle under scale and translation is a path of arcs on the moved circle', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        fc.double({ min: 0.25, max: 4, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (cx, cy, r, k, shift) => {
          const rec = new SvgRecorder(800, 600);
          rec.setTransform(k, 0, 0, k, shift, -shift);
          rec.fillStyle = '#123456';
          rec.beginPath();
          rec.arc(cx, cy, r, 0, 2 * Math.PI);
          rec.fill();
          const [path] = rec.nodes();
          expect(path?.attributes.fill).toBe('#123456');
          const points = pathPoints(path?.attributes.d ?? '');
          const arcs = points.filter((p) => p.command === 'A');
          // SVG cannot draw a full turn as one arc.
          expect(arcs.length).toBeGreaterThanOrEqual(2);
          const centre = { x: k * cx + shift, y: k * cy - shift };
          for (const p of points) {
            expect(Math.hypot(p.x - centre.x, p.y - centre.y)).toBeCloseTo(k * r, 1);
          }
          for (const a of arcs) expect(a.r).toBeCloseTo(k * r, 1);
        },
      ),
    );
  });

  it('an arc under a squashing transform becomes lines on the ellipse, ending at its end angle', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0.1, max: 6, noNaN: true }),
        fc.boolean(),
        (start, length, ccw) => {
          const rec = new SvgRecorder(100, 100);
          rec.setTransform(2, 0, 0, 1, 0, 0);
          rec.beginPath();
          const end = ccw ? start - length : start + length;
          rec.arc(10, 10, 5, start, end, ccw);
          rec.stroke();
          const points = pathPoints(rec.nodes()[0]?.attributes.d ?? '');
          expect(points.every((p) => p.command !== 'A')).toBe(true);
          for (const p of points) expect(Math.hypot(p.x / 2 - 10, p.y - 10)).toBeCloseTo(5, 1);
          const last = points.at(-1);
          expect(last?.x).toBeCloseTo(2 * (10 + 5 * Math.cos(end)), 1);
          expect(last?.y).toBeCloseTo(10 + 5 * Math.sin(end), 1);
        },
      ),
    );
  });

  it('joins the current point to an arc start with a line, as a canvas does', () => {
    const rec = new SvgRecorder(100, 100);
    rec.beginPath();
    rec.moveTo(0, 0);
    rec.arc(50, 50, 10, 0, Math.PI / 2);
    rec.stroke();
    const points = pathPoints(rec.nodes()[0]?.attributes.d ?? '');
    expect(points[0]).toEqual({ command: 'M', x: 0, y: 0 });
    expect(points[1]).toEqual({ command: 'L', x: 60, y: 50 });
    expect(points.at(-1)).toMatchObject({ command: 'A', x: 50, y: 60 });
  });

  it('turns the way the canvas does: clockwise on screen is SVG sweep 1, counter-clockwise 0', () => {
    const clockwise = new SvgRecorder(100, 100);
    clockwise.beginPath();
    clockwise.arc(50, 50, 10, 0, Math.PI / 2);
    clockwise.stroke();
    expect(clockwise.nodes()[0]?.attributes.d).toBe('M60 50A10 10 0 0 1 50 60');
    // The long way round, three quarters of a turn, in pieces of at most half a turn.
    const counter = new SvgRecorder(100, 100);
    counter.beginPath();
    counter.arc(50, 50, 10, 0, Math.PI / 2, true);
    counter.stroke();
    expect(counter.nodes()[0]?.attributes.d).toBe(
      'M60 50A10 10 0 0 0 42.93 42.93A10 10 0 0 0 50 60',
    );
  });

  it('strokes with the width and dashes scaled by the transform, and no fill', () => {
    const rec = new SvgRecorder(100, 100);
    rec.setTransform(3, 0, 0, 3, 0, 0);
    rec.strokeStyle = 'red';
    rec.lineWidth = 1.5;
    rec.setLineDash([3, 2]);
    rec.beginPath();
    rec.moveTo(1, 1);
    rec.lineTo(4, 5);
    rec.stroke();
    expect(rec.nodes()[0]?.attributes).toEqual({
      d: 'M3 3L12 15',
      fill: 'none',
      stroke: 'red',
      'stroke-width': '4.5',
      'stroke-dasharray': '9 6',
    });
  });

  it('draws nothing for an empty path', () => {
    const rec = new SvgRecorder(100, 100);
    rec.beginPath();
    rec.fill();
    rec.stroke();
    expect(rec.nodes()).toEqual([]);
  });
});

describe('SvgRecorder state', () => {
  it('restore brings back colour, alpha and transform', () => {
    const rec = new SvgRecorder(100, 100);
    rec.fillStyle = 'blue';
    rec.save();
    rec.fillStyle = 'green';
    rec.globalAlpha = 0.5;
    rec.setTransform(2, 0, 0, 2, 10, 10);
    rec.fillRect(0, 0, 5, 5);
    rec.restore();
    rec.fillRect(0, 0, 5, 5);
    const [inside, after] = only(rec.nodes(), 'rect');
    expect(inside?.attributes).toEqual({
      x: '10',
      y: '10',
      width: '10',
      height: '10',
      fill: 'green',
      opacity: '0.5',
    });
    expect(after?.attributes).toEqual({ x: '0', y: '0', width: '5', height: '5', fill: 'blue' });
  });

  it('a rectangle with negative size covers the same area', () => {
    const rec = new SvgRecorder(100, 100);
    rec.strokeRect(20, 30, -10, -5);
    expect(rec.nodes()[0]?.attributes).toMatchObject({
      x: '10',
      y: '25',
      width: '10',
      height: '5',
    });
  });

  it('clips what is drawn after clip() until restore, nesting clips', () => {
    const rec = new SvgRecorder(100, 100, 'layer1');
    rec.save();
    rec.beginPath();
    rec.rect(0, 0, 50, 50);
    rec.clip();
    rec.save();
    rec.beginPath();
    rec.rect(10, 10, 10, 10);
    rec.clip();
    rec.fillText('clipped twice', 12, 12);
    rec.restore();
    rec.fillText('clipped once', 5, 5);
    rec.restore();
    rec.fillText('free', 60, 60);
    const nodes = rec.nodes();
    const clips = only(nodes, 'clipPath');
    expect(clips.map((c) => c.attributes.id)).toEqual(['layer1-1', 'layer1-2']);
    expect(clips[1]?.attributes['clip-path']).toBe('url(#layer1-1)');
    expect(clips[0]?.children?.[0]?.attributes.d).toBe('M0 0L50 0L50 50L0 50Z');
    const texts = only(nodes, 'text');
    expect(texts.map((t) => [t.text, t.attributes['clip-path']])).toEqual([
      ['clipped twice', 'url(#layer1-2)'],
      ['clipped once', 'url(#layer1-1)'],
      ['free', undefined],
    ]);
  });

  it('clearing the whole area forgets what was drawn; clearing a part does not', () => {
    const rec = new SvgRecorder(100, 80);
    rec.fillRect(1, 1, 2, 2);
    rec.clearRect(10, 10, 5, 5);
    expect(rec.nodes()).toHaveLength(1);
    rec.setTransform(2, 0, 0, 2, 0, 0);
    rec.clearRect(0, 0, 50, 40);
    expect(rec.nodes()).toHaveLength(0);
  });
});

describe('SvgRecorder text', () => {
  it('places text at the transformed point with the font, baseline and colour', () => {
    const rec = new SvgRecorder(100, 100);
    rec.setTransform(2, 0, 0, 2, 4, 0);
    rec.font = 'bold 10px system-ui, sans-serif';
    rec.textBaseline = 'bottom';
    rec.fillStyle = '#1a2133';
    rec.fillText('W x = 1', 3, 7);
    expect(rec.nodes()[0]).toEqual({
      name: 'text',
      text: 'W x = 1',
      attributes: {
        x: '10',
        y: '14',
        'font-size': '20',
        'font-family': 'system-ui, sans-serif',
        'font-weight': 'bold',
        'dominant-baseline': 'text-after-edge',
        fill: '#1a2133',
      },
    });
  });

  it('reads the size, family and weight of a font shorthand', () => {
    expect(parseFont('10px system-ui, sans-serif')).toEqual({
      sizePx: 10,
      family: 'system-ui, sans-serif',
      weight: null,
    });
    expect(parseFont('italic 600 12.5px/1.2 "Inter", serif')).toEqual({
      sizePx: 12.5,
      family: '"Inter", serif',
      weight: '600',
    });
  });
});

describe('svgMarkup', () => {
  it('escapes text and attribute values, so nothing painted becomes markup', () => {
    const rec = new SvgRecorder(10, 10);
    rec.fillStyle = 'a"b';
    rec.fillText('<script>&', 0, 0);
    expect(svgMarkup(rec.nodes())).toBe(
      '<text x="0" y="0" font-size="10" font-family="sans-serif" fill="a&quot;b">&lt;script&gt;&amp;</text>',
    );
  });
});
