/**
 * Moving through a tour: "Next" runs the simulation to the next narration step's point; "Back"
 * returns exactly to where the user was before their last "Next" (time and event count), or,
 * with no "Next" to undo, to the previous step's point. The trail of points belongs to one
 * session: a new scenario, seed or import starts a fresh one.
 */
import type { RunPoint } from '../../store/runPoint';
import type { Session } from '../../store/session';
import type { ReplicaStore } from '../../store/store';

interface Trail {
  session: Session;
  points: RunPoint[];
}

const trails = new WeakMap<ReplicaStore, Trail>();

function trailOf(store: ReplicaStore): RunPoint[] {
  const session = store.getState().session;
  const trail = trails.get(store);
  if (trail !== undefined && trail.session === session) return trail.points;
  const fresh: Trail = { session, points: [] };
  trails.set(store, fresh);
  return fresh.points;
}

/** Run to the next step's point. False when there is no next step. */
export function tourNext(store: ReplicaStore): boolean {
  const state = store.getState();
  const next = state.scenario.narration[state.view.narrationIndex + 1];
  if (next === undefined) return false;
  const { now, eventsProcessed } = state.session.sim.core;
  trailOf(store).push({ timeMs: now, events: eventsProcessed });
  state.pause();
  state.seek(next.at);
  return true;
}

/** Go back: to the point before the last "Next", else to the previous step, else the start. */
export function tourBack(store: ReplicaStore): void {
  const state = store.getState();
  state.pause();
  const point = trailOf(store).pop();
  if (point === undefined) {
    const index = state.view.narrationIndex;
    const here = state.scenario.narration[index];
    // On a step's own point, back means the step before; past it, back to its start.
    const target =
      here !== undefined && state.view.t > here.at ? here : state.scenario.narration[index - 1];
    state.seek(target?.at ?? 0);
    return;
  }
  state.seek(point.timeMs);
  // A seek shows every event of its millisecond; the user may have stood between two of them.
  let guard = 0;
  while (store.getState().view.eventsProcessed > (point.events ?? Infinity) && guard++ < 10_000) {
    store.getState().stepBack();
  }
}
