/**
 * Recomputing the payload of a message the message log no longer holds one for (it keeps only
 * the latest ones, see `messageLog.ts`). The run is a pure function of its configuration and
 * inputs, so replaying it on a scratch copy from a checkpoint taken before the message was sent
 * puts the very same message on the wire again, payload and all. The simulation itself is not
 * touched.
 */
import { PAYLOAD_NOT_KEPT } from './messageLog';
import { emptyLogs, step } from './simulation';
import type { Checkpoint, Simulation } from './state';

/**
 * The payload message `id` was sent with, replaying from `from`: a checkpoint of this run taken
 * before the message was sent, or while it was on the wire. `PAYLOAD_NOT_KEPT` if the replay
 * never sends it (the checkpoint is from after its fate, or from another run).
 */
export function replayPayload<PC, NS, CS>(
  sim: Simulation<PC, NS, CS>,
  from: Checkpoint<NS, CS>,
  id: number,
): unknown {
  const scratch: Simulation<PC, NS, CS> = {
    config: sim.config,
    protocol: sim.protocol,
    inputs: sim.inputs,
    core: structuredClone(from.core),
    logs: emptyLogs(),
  };
  const { core } = scratch;
  while (core.nextMessageId <= id) if (!step(scratch)) return PAYLOAD_NOT_KEPT;
  for (const event of core.queue)
    if (event.type === 'deliver' && event.id === id) return event.payload;
  return PAYLOAD_NOT_KEPT;
}
