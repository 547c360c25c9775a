/**
 * A session rebuilt from a recipe: scenario, seed, the user's inputs and a point in the run.
 * This is how a share link or an imported run becomes the picture its author saw: the inputs
 * are checked at their own times (as if the user made them there), then the run goes to the
 * same time and, within that millisecond, the same number of events.
 */
import { nextEventTime } from '../engine/simulation';
import type { Input } from '../engine/types';
import type { AnyScenario } from '../scenarios/leaderlessSchema';
import { inputProblem } from './inputProblem';
import { createSession, type Session, seek, stepBack, stepForward } from './session';

/** Where in a run: a time, and optionally how many events had been processed there. */
export interface RunPoint {
  timeMs: number;
  /** Null: every event at or before `timeMs` (what a seek shows). */
  events: number | null;
}

/** Stepping further than this to find a point means the point is not of this run. */
const MAX_STEPS_TO_POINT = 100_000;

/**
 * A session of `scenario` with `inputs` recorded, standing at `point`. Throws an Error whose
 * message names the bad input's field (`inputs[2].node: no node "n9" in this cluster`).
 *
 * One replay: the run goes forward to just before each input and checks it there, as it was
 * checked when its author recorded it (a node added by the scenario exists only from then on).
 */
export function sessionAt(
  scenario: AnyScenario,
  seed: number,
  inputs: readonly Input[],
  point: RunPoint,
): Session {
  inputs.forEach((input, index) => {
    if (input.at > scenario.durationMs) {
      throw new Error(`inputs[${index}].at: ${input.at} ms is after the run's end`);
    }
  });
  const session = createSession(scenario, seed, [...inputs]);
  const byTime = inputs
    .map((input, index) => ({ input, index }))
    .sort((a, b) => a.input.at - b.input.at);
  for (const { input, index } of byTime) {
    if (input.at > 0) seek(session, input.at - 1);
    const problem = inputProblem(session.sim, input);
    if (problem !== null) throw new Error(`inputs[${index}].${problem}`);
  }
  goToPoint(session, point);
  return session;
}

/** Move the session to `point`: its time, then (within it) its count of events. */
export function goToPoint(session: Session, { timeMs, events }: RunPoint): void {
  if (events === null) {
    seek(session, timeMs);
    return;
  }
  seek(session, Math.max(0, timeMs - 1));
  // Read the clock afresh each time: restoring a checkpoint replaces `sim.core`.
  const processed = () => session.sim.core.eventsProcessed;
  for (let n = 0; processed() > events && n < MAX_STEPS_TO_POINT; n++) stepBack(session);
  for (let n = 0; processed() < events && n < MAX_STEPS_TO_POINT; n++) {
    const next = nextEventTime(session.sim as never);
    if (next === undefined || next > timeMs || !stepForward(session)) break;
  }
  // A seek to an empty millisecond leaves the clock there, after every event before it.
  if (session.sim.core.now < timeMs) seek(session, timeMs);
}
