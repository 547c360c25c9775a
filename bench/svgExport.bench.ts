/**
 * `npm run bench:export`: what exporting the space-time diagram as vector SVG
 * costs on a 10,000-event run (the large benchmark scenario cut to one second): repainting a
 * scene with `paintScene` into the SVG recorder, and the size of the markup it gives. The
 * browser's own work (turning the nodes into DOM elements and serialising) comes on top.
 *
 * Prints figures; it is not a test and always exits 0.
 */
import { finishedMessagesBetween, lifecycleMarks } from '../src/store/timeline';
import { SvgRecorder, svgMarkup } from '../src/ui/share/svgRecorder';
import { MESSAGE_CATEGORIES } from '../src/ui/views/messageKinds';
import { laneYs } from '../src/ui/views/spacetime/lanes';
import { opSpans } from '../src/ui/views/spacetime/opSpans';
import { type Palette, paintScene } from '../src/ui/views/spacetime/paint';
import { buildScene } from '../src/ui/views/spacetime/scene';
import { largeSpaceTimeRun, median } from './largeSpaceTimeRun';

const REPEATS = 21;
const WIDTH_PX = 1180;
const HEIGHT_PX = 170;

const palette: Palette = {
  lane: '#cdd3df',
  down: '#9aa3b2',
  danger: '#b91c1c',
  ok: '#047857',
  text: '#1a2133',
  quorumWrite: '#c2410c',
  quorumRead: '#0e7490',
  outcome: { ok: '#047857', fail: '#b91c1c', info: '#92400e', pending: '#4338ca' },
  category: Object.fromEntries(
    MESSAGE_CATEGORIES.map(({ category }) => [category, '#6b7280']),
  ) as Palette['category'],
};

const { session, view, lanes } = largeSpaceTimeRun(HEIGHT_PX);

console.log(
  `vector export of the space-time diagram, ${view.eventsProcessed.toLocaleString('en-US')} events, ${lanes.lanes.length} lanes`,
);
for (const [label, startMs, spanMs] of [
  ['whole run (1,000 ms)', 0, 1000],
  ['100 ms window', 400, 100],
] as const) {
  const scene = buildScene({
    t: view.t,
    window: { startMs, spanMs },
    widthPx: WIDTH_PX,
    laneY: laneYs(lanes),
    finished: finishedMessagesBetween(session, startMs, startMs + spanMs),
    inFlight: view.inFlight,
    spans: opSpans(view.history),
    marks: lifecycleMarks(session),
  });
  let markup = '';
  let elements = 0;
  const times = Array.from({ length: REPEATS }, () => {
    const t0 = performance.now();
    const recorder = new SvgRecorder(WIDTH_PX, HEIGHT_PX);
    paintScene(recorder, scene, lanes, { width: WIDTH_PX, height: HEIGHT_PX, ratio: 1 }, palette);
    const nodes = recorder.nodes();
    const t1 = performance.now();
    elements = nodes.length;
    markup = svgMarkup(nodes);
    return t1 - t0;
  });
  console.log(
    `  ${label.padEnd(22)} ${String(scene.arrows.length).padStart(5)} arrows   ` +
      `record ${median(times).toFixed(1)} ms   ${elements} elements   ` +
      `${(markup.length / 1024).toFixed(0)} KiB of markup`,
  );
}
