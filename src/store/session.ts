/**
 * A live session: one scenario run, seekable to any time or event. The state shown is always
 * `replay(scenario, seed, inputs)` up to the current point: seeking restores the nearest earlier
 * checkpoint and replays; a user's input is recorded with the current time and the state is
 * re-derived, so what the user sees equals what a shared link or a test would replay.
 */
import { addInput, checkpoint, nextEventTime, restore, runUntil, step } from '../engine/simulation';
import type { Checkpoint } from '../engine/state';
import type { Input, SimTimeMs, UntimedInput } from '../engine/types';
import type { SingleLeaderClient } from '../protocols/single-leader/client';
import type { SingleLeaderSim } from '../protocols/single-leader/outcome';
import type { SingleLeaderNode } from '../protocols/single-leader/state';
import { startScenario } from '../scenarios/run';
import type { Scenario } from '../scenarios/schema';
import { inputProblem } from './inputProblem';

/** Events between checkpoints: small enough that replaying from one is instant. */
export const CHECKPOINT_EVERY = 500;

type SessionCheckpoint = Checkpoint<SingleLeaderNode, SingleLeaderClient>;

export interface Session {
  scenario: Scenario;
  seed: number;
  /** Inputs the user added on top of the scenario's timeline. */
  userInputs: Input[];
  sim: SingleLeaderSim;
  /** Ordered by time; the first is time 0. */
  checkpoints: SessionCheckpoint[];
}

export function createSession(scenario: Scenario, seed: number, userInputs: Input[] = []): Session {
  const sim = startScenario(scenario, seed, userInputs);
  return { scenario, seed, userInputs: [...userInputs], sim, checkpoints: [checkpoint(sim)] };
}

function maybeCheckpoint(session: Session): void {
  const last = session.checkpoints[session.checkpoints.length - 1];
  const core = session.sim.core;
  if (last === undefined || core.eventsProcessed - last.core.eventsProcessed >= CHECKPOINT_EVERY) {
    session.checkpoints.push(checkpoint(session.sim));
  }
}

/** Process one event. Returns false at the end of the run (nothing left, or past its duration). */
export function stepForward(session: Session): boolean {
  const next = nextEventTime(session.sim as never);
  if (next === undefined || next > session.scenario.durationMs) return false;
  step(session.sim);
  maybeCheckpoint(session);
  return true;
}

/** Run forward to time t, checkpointing along the way. */
function runForwardTo(session: Session, t: SimTimeMs): void {
  const { sim } = session;
  for (;;) {
    const next = nextEventTime(sim as never);
    if (next === undefined || next > t) break;
    step(sim);
    maybeCheckpoint(session);
  }
  runUntil(sim, t);
}

/** Restore the latest checkpoint that satisfies `usable`. */
function restoreLatest(session: Session, usable: (cp: SessionCheckpoint) => boolean): void {
  let i = session.checkpoints.length - 1;
  while (i > 0 && !usable(session.checkpoints[i] as SessionCheckpoint)) i--;
  restore(session.sim, session.checkpoints[i] as SessionCheckpoint);
}

/** Show the state at time t (all events at or before t processed). */
export function seek(session: Session, t: SimTimeMs): void {
  const target = Math.max(0, Math.min(t, session.scenario.durationMs));
  if (target < session.sim.core.now) restoreLatest(session, (cp) => cp.core.now <= target);
  runForwardTo(session, target);
}

/** Undo the last processed event exactly. */
export function stepBack(session: Session): void {
  const target = session.sim.core.eventsProcessed - 1;
  if (target < 0) return;
  restoreLatest(session, (cp) => cp.core.eventsProcessed <= target);
  while (session.sim.core.eventsProcessed < target) step(session.sim);
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
  runForwardTo(session, now);
}
