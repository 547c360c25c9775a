/** Playback speed, from 0.1x to 10x (1x = 50 simulated ms per real second). */
import { MAX_SPEED, MIN_SPEED, type ReplicaState } from '../../store/store';
import { formatSpeed } from '../format';
import { useReplica, useReplicaStore } from '../StoreContext';

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10].filter((s) => s >= MIN_SPEED && s <= MAX_SPEED);

const selectSpeed = (s: ReplicaState) => s.speed;

export function SpeedControl() {
  const store = useReplicaStore();
  const speed = useReplica(selectSpeed);
  // A speed set elsewhere (not one of the presets) still shows as itself.
  const options = SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b);
  return (
    <label className="field field--inline">
      <span className="field__label">Speed</span>
      <select
        value={String(speed)}
        onChange={(e) => store.getState().setSpeed(Number(e.target.value))}
      >
        {options.map((s) => (
          <option key={s} value={String(s)}>
            {formatSpeed(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
