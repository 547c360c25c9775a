/** What the user sees now, as a share link or an exported run describes it. */
import type { ReplicaState } from '../../store/store';
import type { SharedView } from './shareLink';

/** The run's recipe at this moment: the simulation's own time and event count, not the playhead. */
export function currentSharedView(state: ReplicaState, sidePanels: boolean | null): SharedView {
  const { core } = state.session.sim;
  return {
    scenario: state.scenario,
    seed: state.seed,
    inputs: [...state.session.userInputs],
    timeMs: core.now,
    events: core.eventsProcessed,
    selection: state.selection,
    sidePanels,
  };
}
