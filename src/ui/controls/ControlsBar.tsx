/** The playback bar under the diagram: transport, time slider and readout, speed. */
import { PlaybackButtons } from './PlaybackButtons';
import { SpeedControl } from './SpeedControl';
import { TimeReadout, TimeScrubber } from './TimeScrubber';
import './controls.css';

export function ControlsBar() {
  return (
    <section className="controls" aria-label="Playback">
      <PlaybackButtons />
      <TimeScrubber />
      <TimeReadout />
      <SpeedControl />
    </section>
  );
}
