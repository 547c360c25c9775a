/**
 * `npx tsx bench/spacetime.bench.ts`: what the space-time diagram costs per frame before it
 * paints, on a 10,000-event run (the large benchmark scenario cut to one second): reading the
 * finished messages in the visible window from the message log, pairing the history into
 * operation spans, and laying out the scene. Painting needs a browser; its figures are in
 * `src/ui/views/spacetime/README.md`.
 *
 * Prints figures; it is not a test and always exits 0.
 */
import { finishedMessagesBetween, lifecycleMarks } from '../src/store/timeline';
import { laneYs } from '../src/ui/views/spacetime/lanes';
import { opSpans } from '../src/ui/views/spacetime/opSpans';
import { buildScene } from '../src/ui/views/spacetime/scene';
import { largeSpaceTimeRun, median } from './largeSpaceTimeRun';

const REPEATS = 41;
const WIDTH_PX = 1180;
const HEIGHT_PX = 170;

const { session, view, lanes } = largeSpaceTimeRun(HEIGHT_PX);
const laneY = laneYs(lanes);

function frame(startMs: number, spanMs: number) {
  const t0 = performance.now();
  const finished = finishedMessagesBetween(session, startMs, startMs + spanMs);
  const t1 = performance.now();
  const spans = opSpans(view.history);
  const marks = lifecycleMarks(session);
  const t2 = performance.now();
  const scene = buildScene({
    t: view.t,
    window: { startMs, spanMs },
    widthPx: WIDTH_PX,
    laneY,
    finished,
    inFlight: view.inFlight,
    spans,
    marks,
  });
  const t3 = performance.now();
  return { read: t1 - t0, spans: t2 - t1, layout: t3 - t2, arrows: scene.arrows.length };
}

console.log(
  `space-time diagram, ${view.eventsProcessed.toLocaleString('en-US')} events, ` +
    `${session.sim.logs.messages.count.toLocaleString('en-US')} messages, ` +
    `${view.history.length.toLocaleString('en-US')} history entries, ${lanes.lanes.length} lanes`,
);
for (const [label, startMs, spanMs] of [
  ['whole run (1,000 ms)', 0, 1000],
  ['100 ms window', 400, 100],
  ['20 ms window', 400, 20],
] as const) {
  const runs = Array.from({ length: REPEATS }, () => frame(startMs, spanMs));
  const m = (key: 'read' | 'spans' | 'layout') => median(runs.map((r) => r[key])).toFixed(2);
  console.log(
    `  ${label.padEnd(22)} ${String(runs[0]?.arrows).padStart(5)} arrows   ` +
      `read ${m('read')} ms   spans ${m('spans')} ms   layout ${m('layout')} ms`,
  );
}
