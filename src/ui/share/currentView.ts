/** What the user sees now, as a share link or an exported run describes it. */
import type { ReplicaState } from '../../store/store';
import type { SharedView } from './shareLink';

/**
 * The run's recipe at this moment (the simulation's own time and event count, not the playhead),
 * and how the view looks: the panels (null: not known here), zoom, pictured and picked-out
 * operations.
 */
export function currentSharedView(
  state: ReplicaState,
  sidePanels: boolean | null,
  timelineOpen: boolean | null = null,
): SharedView {
  const zoom = state.clusterZoom;
  const zoomed = zoom.k !== 1 || zoom.x !== 0 || zoom.y !== 0;
  const { core } = state.session.sim;
  return {
    scenario: state.scenario,
    seed: state.seed,
    inputs: [...state.session.userInputs],
    timeMs: core.now,
    events: core.eventsProcessed,
    selection: state.selection,
    sidePanels,
    timelineOpen,
    clusterZoom: zoomed ? { k: zoom.k, x: zoom.x, y: zoom.y } : null,
    clusterPositions: state.clusterPositions,
    timelineWindow: state.timelineWindow,
    focusedOp: state.focusedOp,
    highlightedOps: [...state.highlightedOps],
  };
}
