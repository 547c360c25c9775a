/**
 * The run the space-time benchmarks draw: the large benchmark scenario cut to one second,
 * played to its end, with its lanes laid out in a plot of `heightPx`.
 */
import { createSession, seek } from '../src/store/session';
import { buildView } from '../src/store/view';
import { laneLayout } from '../src/ui/views/spacetime/lanes';
import { largeScenario } from './largeScenario';

export function largeSpaceTimeRun(heightPx: number) {
  const scenario = largeScenario({ durationMs: 1000 });
  const session = createSession(scenario, scenario.seed);
  seek(session, scenario.durationMs);
  const view = buildView(session);
  const lanes = laneLayout(
    view.nodes,
    view.clients.map((c) => c.id),
    6,
    heightPx,
  );
  return { session, view, lanes };
}

/** The middle value: steadier than the mean on a machine shared with other work. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
