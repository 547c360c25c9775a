/** Playback speed, a slider over steps from 0.1x to 10x (1x = 50 simulated ms per real second). */
import { nearestStepIndex, SPEED_STEPS } from '../../store/speed';
import type { ReplicaState } from '../../store/store';
import { formatSpeed } from '../format';
import { useReplica, useReplicaStore } from '../StoreContext';

const selectSpeed = (s: ReplicaState) => s.speed;

export function SpeedControl() {
  const store = useReplicaStore();
  const speed = useReplica(selectSpeed);
  const label = formatSpeed(speed);
  return (
    <label
      className="field field--inline speed"
      title="Playback speed: at 1x, 50 simulated milliseconds pass per second (keys + and −)"
    >
      <span className="field__label" aria-hidden="true">
        Speed
      </span>
      <input
        className="speed__slider"
        type="range"
        aria-label="Speed"
        aria-valuetext={label}
        aria-keyshortcuts="+ -"
        min={0}
        max={SPEED_STEPS.length - 1}
        step={1}
        value={nearestStepIndex(speed)}
        onChange={(e) => {
          const step = SPEED_STEPS[Number(e.target.value)];
          if (step !== undefined) store.getState().setSpeed(step);
        }}
      />
      <output className="speed__value">{label}</output>
    </label>
  );
}
