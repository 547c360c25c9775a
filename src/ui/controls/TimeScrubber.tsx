/** The time slider over the whole run, and the readout of the current time. */
import type { ReplicaState } from '../../store/store';
import { formatTime } from '../format';
import { useReplica, useReplicaStore } from '../StoreContext';

// Whole milliseconds: the slider and readout need not re-render for sub-millisecond motion.
const selectTimeMs = (s: ReplicaState) => Math.floor(s.playhead);
const selectDurationMs = (s: ReplicaState) => s.view.durationMs;
const selectEvents = (s: ReplicaState) => s.view.eventsProcessed;
const selectTraceHash = (s: ReplicaState) => s.view.traceHash;

export function TimeScrubber() {
  const store = useReplicaStore();
  const t = useReplica(selectTimeMs);
  const durationMs = useReplica(selectDurationMs);
  return (
    <input
      className="scrubber"
      type="range"
      aria-label="Time"
      aria-valuetext={`${t} of ${durationMs} ms`}
      min={0}
      max={durationMs}
      step={1}
      value={t}
      onChange={(e) => store.getState().seek(Number(e.target.value))}
    />
  );
}

export function TimeReadout() {
  const t = useReplica(selectTimeMs);
  const durationMs = useReplica(selectDurationMs);
  const events = useReplica(selectEvents);
  const traceHash = useReplica(selectTraceHash);
  return (
    <p className="readout">
      {/* A status the user can query, but not announced on every millisecond of playback. */}
      <output className="readout__time" aria-live="off">
        {formatTime(t)}
      </output>
      <span className="readout__detail">
        of {durationMs} ms · {events} events ·{' '}
        <span title="Trace hash: every replay of this run, here or in `npm run sim`, gives the same">
          trace <code className="readout__hash">{traceHash}</code>
        </span>
      </span>
    </p>
  );
}
