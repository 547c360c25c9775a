import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import type { Input } from '../../engine/types';
import { allBuiltinScenarios, findBuiltin } from '../../scenarios/builtin';
import {
  decodeSharedView,
  embedUrl,
  encodeSharedView,
  RUN_PARAM,
  type SharedView,
  shareUrl,
} from './shareLink';

const endpoint = fc.constantFrom('n1', 'n2', 'n3', 'alice', 'bob');
const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null));
const input = (durationMs: number): fc.Arbitrary<Input> => {
  const at = fc.integer({ min: 0, max: durationMs });
  return fc.oneof(
    fc.record({ at, type: fc.constant('crash' as const), node: endpoint }),
    fc.record({ at, type: fc.constant('restart' as const), node: endpoint }),
    fc.record({ at, type: fc.constant('heal' as const) }),
    fc.record({
      at,
      type: fc.constant('partition' as const),
      groups: fc.array(fc.array(endpoint, { minLength: 1 }), { minLength: 2, maxLength: 3 }),
    }),
    fc.record({
      at,
      type: fc.constant('set-link' as const),
      from: endpoint,
      to: endpoint,
      latency: fc.record({ baseMs: fc.integer({ min: 0, max: 9000 }) }),
    }),
    fc.record({
      at,
      type: fc.constant('client-op' as const),
      client: endpoint,
      op: fc.record({ f: fc.constant('write' as const), key: fc.string({ minLength: 1 }), value }),
    }),
  );
};

const sharedView: fc.Arbitrary<SharedView> = fc
  .constantFrom(...allBuiltinScenarios)
  .chain((scenario) =>
    fc.record({
      scenario: fc.constant(scenario),
      seed: fc.nat(),
      inputs: fc.array(input(scenario.durationMs), { maxLength: 6 }),
      timeMs: fc.integer({ min: 0, max: scenario.durationMs }),
      events: fc.option(fc.nat(), { nil: null }),
      selection: fc.option(
        fc.record({ kind: fc.constantFrom('node', 'client', 'message' as const), id: endpoint }),
        { nil: null },
      ),
      sidePanels: fc.option(fc.boolean(), { nil: null }),
      timelineOpen: fc.option(fc.boolean(), { nil: null }),
      clusterZoom: fc.option(
        fc.record({
          k: fc.double({ min: 0.4, max: 5, noNaN: true }),
          // JSON has no -0: a pan of -0 comes back as 0, which is the same pan.
          x: fc.double({ min: -5000, max: 5000, noNaN: true }).map((v) => v + 0),
          y: fc.double({ min: -5000, max: 5000, noNaN: true }).map((v) => v + 0),
        }),
        { nil: null },
      ),
      clusterPositions: fc.dictionary(
        fc.constantFrom('n1', 'n2', 'alice'),
        fc.record({
          x: fc.integer({ min: -2000, max: 2000 }),
          y: fc.integer({ min: -2000, max: 2000 }),
        }),
      ),
      timelineWindow: fc.option(
        fc.record({
          spanMs: fc.double({ min: 20, max: 60_000, noNaN: true }),
          startMs: fc.option(
            fc.double({ min: 0, max: 60_000, noNaN: true }).map((v) => v + 0),
            {
              nil: null,
            },
          ),
        }),
        { nil: null },
      ),
      focusedOp: fc.option(fc.nat(), { nil: null }),
      highlightedOps: fc.array(fc.nat(), { maxLength: 5 }),
    }),
  );

const sample = (): SharedView => ({
  scenario: findBuiltin('read-your-writes') ?? (allBuiltinScenarios[0] as SharedView['scenario']),
  seed: 7,
  inputs: [{ at: 120, type: 'crash', node: 'n1' }],
  timeMs: 300,
  events: 41,
  selection: { kind: 'node', id: 'n2' },
  sidePanels: false,
  timelineOpen: false,
  clusterZoom: { k: 2, x: -40, y: 12.5 },
  clusterPositions: { n1: { x: 10, y: -20 } },
  timelineWindow: { spanMs: 250.5, startMs: 40 },
  focusedOp: 3,
  highlightedOps: [3, 5],
});

describe('share links', () => {
  it('decode(encode(view)) gives the view back', () => {
    fc.assert(
      fc.property(sharedView, (view) => {
        expect(decodeSharedView(encodeSharedView(view))).toEqual({ ok: true, view });
      }),
      { numRuns: 200 },
    );
  });

  it('a built-in travels by id; a changed one in full, and comes back changed', () => {
    const view = sample();
    const byId = encodeSharedView(view);
    const changed = {
      ...view,
      scenario: { ...view.scenario, title: 'My own variant' },
    } as SharedView;
    const full = encodeSharedView(changed);
    expect(full.length).toBeGreaterThan(byId.length * 3);
    const decoded = decodeSharedView(full);
    expect(decoded.ok && decoded.view.scenario.title).toBe('My own variant');
  });

  it('links made before version 2 keep opening, with the view as the page opens', () => {
    const v1Link = compressToEncodedURIComponent(
      JSON.stringify({
        v: 1,
        scenario: { id: 'read-your-writes' },
        seed: 7,
        inputs: [{ at: 120, type: 'crash', node: 'n1' }],
        t: 300,
        events: 41,
        selection: { kind: 'node', id: 'n2' },
        panels: { side: false },
      }),
    );
    expect(decodeSharedView(v1Link)).toEqual({
      ok: true,
      view: {
        ...sample(),
        timelineOpen: null,
        clusterZoom: null,
        clusterPositions: {},
        timelineWindow: null,
        focusedOp: null,
        highlightedOps: [],
      },
    });
  });

  it('a new link is version 2 and leaves out what the view does not use', () => {
    const plain = {
      ...sample(),
      sidePanels: null,
      timelineOpen: null,
      clusterZoom: null,
      clusterPositions: {},
      timelineWindow: null,
      focusedOp: null,
      highlightedOps: [],
    };
    const json = JSON.parse(decompressFromEncodedURIComponent(encodeSharedView(plain)));
    expect(json.v).toBe(2);
    expect(Object.keys(json).sort()).toEqual(
      ['v', 'scenario', 'seed', 'inputs', 't', 'events', 'selection'].sort(),
    );
  });

  it('the share URL carries only the run; the embed URL adds embed=1', () => {
    const url = new URL(shareUrl('https://lab.example/app/?scenario=x&seed=2#top', sample()));
    expect([...url.searchParams.keys()]).toEqual([RUN_PARAM]);
    expect(url.pathname).toBe('/app/');
    const embed = new URL(embedUrl(url.toString()));
    expect(embed.searchParams.get('embed')).toBe('1');
    expect(embed.searchParams.get(RUN_PARAM)).toBe(url.searchParams.get(RUN_PARAM));
  });
});

describe('tampered links', () => {
  const encoded = encodeSharedView(sample());

  it('a truncated link is refused with a message (or, cut only in its padding, means the same)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: encoded.length - 1 }), (cut) => {
        const decoded = decodeSharedView(encoded.slice(0, cut));
        if (decoded.ok) expect(decoded.view).toEqual(sample());
        else expect(decoded.message).toMatch(/^This link/);
      }),
    );
    expect(decodeSharedView(encoded.slice(0, encoded.length >> 1)).ok).toBe(false);
  });

  it('any changed character either decodes to a valid view or is refused', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: encoded.length - 1 }),
        fc.constantFrom(...alphabet),
        (at, char) => {
          const tampered = `${encoded.slice(0, at)}${char}${encoded.slice(at + 1)}`;
          const decoded = decodeSharedView(tampered);
          if (decoded.ok)
            expect(decoded.view.timeMs).toBeLessThanOrEqual(decoded.view.scenario.durationMs);
          else expect(decoded.message).toMatch(/^This link/);
        },
      ),
      { numRuns: 300 },
    );
  });

  const payload = (extra: object) =>
    compressToEncodedURIComponent(
      JSON.stringify({
        v: 1,
        scenario: { id: 'read-your-writes' },
        seed: 1,
        inputs: [],
        t: 0,
        ...extra,
      }),
    );

  it.each([
    ['an unknown version', { v: 99 }, 'v: 99 is newer than this app reads (up to 2)'],
    ['a version that is not one', { v: -1 }, 'v: -1 is not a link version'],
    ['a negative seed', { seed: -4 }, 'seed: must be 0 or more'],
    ['an input of no known type', { inputs: [{ at: 1, type: 'format-disk' }] }, 'inputs[0].type'],
    ['an input after the end', { inputs: [{ at: 10 ** 9, type: 'heal' }] }, 'inputs[0].at'],
    ['an unknown field', { admin: true }, 'admin'],
    [
      'a scenario id holding markup',
      { scenario: { id: '<img src=x onerror=alert(1)>' } },
      'scenario.id: no scenario "<img src=x onerror=alert(1)>"',
    ],
    [
      'a custom scenario naming an unknown leader',
      {
        scenario: {
          custom: {
            id: 'c',
            title: 'c',
            summary: 'c',
            durationMs: 100,
            cluster: { nodes: ['n1'], leader: 'n9' },
          },
        },
      },
      'scenario.custom.cluster.leader',
    ],
  ])('%s is refused, naming the field', (_what, extra, expected) => {
    const decoded = decodeSharedView(payload(extra));
    expect(decoded.ok).toBe(false);
    expect(decoded.ok ? '' : decoded.message).toContain(expected);
  });

  const payloadV2 = (extra: object) => payload({ v: 2, ...extra });

  it.each([
    ["a zoom beyond the view's range", { zoom: { k: 50, x: 0, y: 0 } }, 'zoom.k'],
    ['a pan that is not a number', { zoom: { k: 1, x: 'far', y: 0 } }, 'zoom.x'],
    [
      'a timeline that is neither open nor closed',
      { panels: { timeline: 'yes' } },
      'panels.timeline',
    ],
    ['a pictured operation that is not an id', { focus: -2 }, 'focus: must be 0 or more'],
    ['a dragged node far off the map', { positions: { n1: { x: 1e9, y: 0 } } }, 'positions.n1.x'],
    [
      'a timeline showing no time at all',
      { window: { spanMs: 0, startMs: null } },
      'window.spanMs',
    ],
    ['a picked-out operation that is not an id', { highlight: [1, 2.5] }, 'highlight[1]'],
    ['a version 2 field in a version 1 link', { v: 1, focus: 3 }, 'focus'],
  ])('version 2: %s is refused, naming the field', (_what, extra, expected) => {
    const decoded = decodeSharedView(payloadV2(extra));
    expect(decoded.ok).toBe(false);
    expect(decoded.ok ? '' : decoded.message).toContain(expected);
  });

  it('text that is not a link at all is refused', () => {
    for (const junk of ['', 'hello', '%%%', 'N4Ig'.repeat(3)]) {
      expect(decodeSharedView(junk).ok).toBe(false);
    }
  });
});
