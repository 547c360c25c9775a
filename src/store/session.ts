/**
 * A live session: one scenario run, seekable to any time or event. The state shown is always
 * `replay(scenario, seed, inputs)` up to the current point: seeking restores the nearest earlier
 * checkpoint and replays; a user's input is recorded with the current time and the state is
 * re-derived, so what the user sees equals what a shared link or a test would replay.
 *
 * Checkpoints are taken every `policy.every` events at the frontier (the furthest point the run
 * has been computed), plus one where a replay behind the frontier lands far from any
 * checkpoint, so the place the user is looking at becomes dense again; `checkpointPolicy.ts`
 * caps their number.
 */
import { addInput, checkpoint, nextEventTime, restore, runUntil, step } from '../engine/simulation';
import type { Checkpoint } from '../engine/state';
import type { Input, SimTimeMs, UntimedInput } from '../engine/types';
import type { AnyScenario } from '../scenarios/leaderlessSchema';
import { type AnySim, startAnyScenario } from '../scenarios/runAny';
import {
  type CheckpointPolicy,
  DEFAULT_CHECKPOINT_POLICY,
  thinCheckpoints,
} from './checkpointPolicy';
import { inputProblem } from './inputProblem';
import { type LogStash, refillLogs, stashCut, stashPassed, stashReaches } from './logStash';

/** Events between checkpoints at the frontier: small enough that replaying from one is instant. */
export const CHECKPOINT_EVERY = DEFAULT_CHECKPOINT_POLICY.every;

type SessionCheckpoint = Checkpoint<unknown, unknown>;

/**
 * The session works with any replication family: it only steps, checkpoints and restores the
 * simulation. What a family's nodes look like is for the views (`families/`) to say.
 */
export interface Session {
  scenario: AnyScenario;
  seed: number;
  /** Inputs the user added on top of the scenario's timeline. */
  userInputs: Input[];
  sim: AnySim;
  /** Ordered by events processed (and so by time); the first is time 0, the last the frontier. */
  checkpoints: SessionCheckpoint[];
  policy: CheckpointPolicy;
  /** Log entries cut by going back in time, for jumping forward again (see logStash.ts). */
  stash: LogStash | null;
}

export function createSession(
  scenario: AnyScenario,
  seed: number,
  userInputs: Input[] = [],
  policy: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY,
): Session {
  const sim = startAnyScenario(scenario, seed, userInputs);
  return {
    scenario,
    seed,
    userInputs: [...userInputs],
    sim,
    checkpoints: [checkpoint(sim)],
    policy,
    stash: null,
  };
}

const eventsAt = (cp: SessionCheckpoint) => cp.core.eventsProcessed;

/** Index of the latest checkpoint at or before `events` (0 at worst: the start). */
function latestAtOrBefore(session: Session, events: number): number {
  let i = session.checkpoints.length - 1;
  while (i > 0 && eventsAt(session.checkpoints[i] as SessionCheckpoint) > events) i--;
  return i;
}

/** Checkpoint the current state (in order), then thin around it. */
function addCheckpoint(session: Session): void {
  const { checkpoints, sim } = session;
  const here = sim.core.eventsProcessed;
  const i = latestAtOrBefore(session, here);
  if (eventsAt(checkpoints[i] as SessionCheckpoint) === here) return;
  checkpoints.splice(i + 1, 0, checkpoint(sim));
  if (checkpoints.length <= session.policy.max) return;
  const keep = thinCheckpoints(checkpoints.map(eventsAt), here, session.policy);
  session.checkpoints = keep.map((k) => checkpoints[k] as SessionCheckpoint);
}

/** At the frontier, checkpoint every `policy.every` events. */
function maybeCheckpoint(session: Session): void {
  const last = session.checkpoints[session.checkpoints.length - 1] as SessionCheckpoint;
  if (session.sim.core.eventsProcessed - eventsAt(last) >= session.policy.every) {
    addCheckpoint(session);
  }
}

/** Behind the frontier, checkpoint where the user landed if the nearest one is far. */
function checkpointIfSparse(session: Session): void {
  const here = session.sim.core.eventsProcessed;
  const before = session.checkpoints[latestAtOrBefore(session, here)] as SessionCheckpoint;
  if (here - eventsAt(before) >= session.policy.every) addCheckpoint(session);
}

/** Process one event. Returns false at the end of the run (nothing left, or past its duration). */
export function stepForward(session: Session): boolean {
  const next = nextEventTime(session.sim);
  if (next === undefined || next > session.scenario.durationMs) return false;
  step(session.sim);
  maybeCheckpoint(session);
  dropPassedStash(session);
  return true;
}

/** Run forward to time t, checkpointing along the way. */
function runForwardTo(session: Session, t: SimTimeMs): void {
  const { sim } = session;
  for (;;) {
    const next = nextEventTime(sim);
    if (next === undefined || next > t) break;
    step(sim);
    maybeCheckpoint(session);
  }
  runUntil(sim, t);
}

/** Go back to a checkpoint at or behind the current point, stashing the log entries it cuts. */
function restoreBack(session: Session, cp: SessionCheckpoint): void {
  session.stash = stashCut(session.stash, session.sim.logs, cp);
  restore(session.sim, cp);
}

/**
 * Jump to a checkpoint ahead of the current point, if the stash holds the log entries in
 * between (it does for anything computed before and not invalidated by an input since).
 */
function restoreAhead(session: Session, cp: SessionCheckpoint): void {
  const { stash, sim } = session;
  if (stash === null || !stashReaches(stash, sim.logs, cp)) return;
  refillLogs(stash, sim.logs, cp);
  restore(sim, cp);
}

/** The live run has caught up with the stash: it holds nothing the logs lack. */
function dropPassedStash(session: Session): void {
  if (session.stash !== null && stashPassed(session.stash, session.sim.logs)) session.stash = null;
}

/** Restore the latest checkpoint that satisfies `usable` (at or behind the current point). */
function restoreLatest(session: Session, usable: (cp: SessionCheckpoint) => boolean): void {
  let i = session.checkpoints.length - 1;
  while (i > 0 && !usable(session.checkpoints[i] as SessionCheckpoint)) i--;
  restoreBack(session, session.checkpoints[i] as SessionCheckpoint);
}

/** Show the state at time t (all events at or before t processed). */
export function seek(session: Session, t: SimTimeMs): void {
  const target = Math.max(0, Math.min(t, session.scenario.durationMs));
  const { core } = session.sim;
  let i = session.checkpoints.length - 1;
  while (i > 0 && (session.checkpoints[i] as SessionCheckpoint).core.now > target) i--;
  const nearest = session.checkpoints[i] as SessionCheckpoint;
  // Backwards: from the checkpoint. Forwards past a checkpoint: from it too, if the stash can
  // refill the logs up to it; otherwise replay from here.
  if (target < core.now) restoreBack(session, nearest);
  else if (eventsAt(nearest) > core.eventsProcessed) restoreAhead(session, nearest);
  runForwardTo(session, target);
  checkpointIfSparse(session);
  dropPassedStash(session);
}

/**
 * Undo the last processed event exactly. Replaying a long gap also checkpoints half-way, so a
 * run of step-backs halves the gap each time instead of replaying it again and again.
 */
export function stepBack(session: Session): void {
  const { sim } = session;
  const target = sim.core.eventsProcessed - 1;
  if (target < 0) return;
  // Replay at least one event (unless undoing the first): a checkpoint taken after a seek holds
  // the seek's clock, later than its last event, and a step back lands on the event's time.
  restoreLatest(session, (cp) => eventsAt(cp) < target || eventsAt(cp) === 0);
  const from = sim.core.eventsProcessed;
  const gap = target - from;
  const halfway = gap >= 2 * session.policy.every ? from + Math.floor(gap / 2) : -1;
  while (sim.core.eventsProcessed < target) {
    step(sim);
    if (sim.core.eventsProcessed === halfway) addCheckpoint(session);
  }
}

/** A user input to record, `delayMs` after the current time (0, now, when absent). */
export interface ScheduledInput {
  input: UntimedInput;
  delayMs?: number;
}

/**
 * Record a user input at the current time. Checkpoints after that time no longer describe this
 * run and are dropped; the state is re-derived so that it equals a replay with the input.
 */
export function inject(session: Session, input: UntimedInput): Input {
  return injectAll(session, [{ input }])[0] as Input;
}

/**
 * Record several inputs at once, each at the current time plus its delay: a fault and its
 * scheduled end (a lag spike and the restore) are both inputs, so both replay. Inputs that
 * name an unknown node or client, or carry impossible values, are refused before anything is
 * recorded (the error names the field); if applying one fails anyway, none stays recorded.
 */
export function injectAll(session: Session, batch: readonly ScheduledInput[]): Input[] {
  const now = session.sim.core.now;
  const recorded = batch.map(({ input, delayMs = 0 }) => {
    if (!Number.isInteger(delayMs) || delayMs < 0) {
      throw new Error(`delayMs must be a whole number of ms, 0 or more (got ${delayMs})`);
    }
    return { ...input, at: now + delayMs } as Input;
  });
  for (const input of recorded) {
    const problem = inputProblem(session.sim, input);
    if (problem !== null) throw new Error(problem);
  }
  session.userInputs.push(...recorded);
  for (const input of recorded) addInput(session.sim, input);
  try {
    rederive(session, now);
  } catch (error) {
    const added = new Set<Input>(recorded);
    session.userInputs = session.userInputs.filter((i) => !added.has(i));
    session.sim.inputs = session.sim.inputs.filter((i) => !added.has(i));
    rederive(session, now);
    throw error;
  }
  return recorded;
}

/** Replay from the last checkpoint before `now` (inputs at `now` go before its events). */
function rederive(session: Session, now: SimTimeMs): void {
  session.checkpoints = session.checkpoints.filter((cp, i) => i === 0 || cp.core.now < now);
  restoreLatest(session, () => true);
  // The future changes: nothing cut off describes it any more.
  session.stash = null;
  runForwardTo(session, now);
}
