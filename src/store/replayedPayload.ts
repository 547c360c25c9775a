/**
 * The payload of a finished message that the message log no longer holds (it keeps only the
 * latest ones): recomputed by replaying from the session's latest checkpoint before the
 * message was sent. The inspector asks again on every frame while a message stays selected, so
 * the last answer is remembered until the run changes (an input re-derives it).
 */
import { PAYLOAD_NOT_KEPT } from '../engine/messageLog';
import { replayPayload } from '../engine/payloadReplay';
import type { Session } from './session';

interface Remembered {
  inputs: number;
  id: number;
  payload: unknown;
}

const remembered = new WeakMap<object, Remembered>();

/** The payload message `id` was sent with; `PAYLOAD_NOT_KEPT` if this run never sent it. */
export function replayedPayload(session: Session, id: number): unknown {
  const { sim, checkpoints } = session;
  const last = remembered.get(sim);
  if (last !== undefined && last.id === id && last.inputs === sim.inputs.length) {
    return last.payload;
  }
  // The latest checkpoint before the send; the first one also holds what was sent at start-up.
  let i = checkpoints.length - 1;
  while (i > 0 && (checkpoints[i]?.core.nextMessageId ?? 0) > id) i--;
  const from = checkpoints[i];
  const payload = from === undefined ? PAYLOAD_NOT_KEPT : replayPayload(sim, from, id);
  remembered.set(sim, { inputs: sim.inputs.length, id, payload });
  return payload;
}
