/**
 * Back and Next through the narration steps, as a tour; a step that asks the user to act shows
 * what to do and holds "Next" until it is done.
 */
import type { ReplicaState } from '../../store/store';
import { useReplica, useReplicaStore } from '../StoreContext';
import { tourBack, tourNext } from './tourNavigation';
import { stepAnswered } from './tourRules';
import './tour.css';

const selectIndex = (s: ReplicaState) => s.view.narrationIndex;
const selectSteps = (s: ReplicaState) => s.scenario.narration;
const selectAtStart = (s: ReplicaState) => s.view.t === 0 && s.view.eventsProcessed === 0;
const selectAnswered = (s: ReplicaState) => {
  const step = s.scenario.narration[s.view.narrationIndex];
  return step === undefined || stepAnswered(step, s.session.userInputs, s.view.t);
};

export function TourControls() {
  const store = useReplicaStore();
  const index = useReplica(selectIndex);
  const steps = useReplica(selectSteps);
  const atStart = useReplica(selectAtStart);
  const answered = useReplica(selectAnswered);
  const step = steps[index];
  const hasNext = index + 1 < steps.length;
  const waiting = step?.waitFor !== undefined;
  return (
    <div className="tour">
      {waiting && (
        <p className={`tour__ask${answered ? ' is-done' : ''}`} role="status">
          {answered ? 'Done: watch what happens next.' : step?.waitFor?.prompt}
        </p>
      )}
      <div className="tour__buttons">
        <button
          type="button"
          className="button button--small"
          disabled={atStart}
          title="Return exactly to where you were before the last Next (or to the previous step)"
          onClick={() => tourBack(store)}
        >
          Back
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={!hasNext || !answered}
          title={
            !answered
              ? 'This step waits for you to act first'
              : hasNext
                ? "Run the simulation to the next step's point"
                : 'This is the last step of the tour'
          }
          onClick={() => tourNext(store)}
        >
          Next
        </button>
      </div>
    </div>
  );
}
