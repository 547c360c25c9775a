/**
 * A store for a share link: the run the link describes, or, when the link is broken or names
 * what this app cannot run, the default scenario with a notice saying why. Link content only
 * ever reaches the page as text (the notice is rendered as a text node).
 */
import { createReplicaStore, type ReplicaStore } from '../../store/store';
import { decodeSharedView } from './shareLink';

export function storeForLink(encoded: string): ReplicaStore {
  const store = createReplicaStore();
  const fallback = `Showing "${store.getState().scenario.title}" instead.`;
  const decoded = decodeSharedView(encoded);
  if (!decoded.ok) {
    store.setState({ notice: `${decoded.message} ${fallback}` });
    return store;
  }
  const { view } = decoded;
  const problem = store.getState().openRun({
    scenario: view.scenario,
    seed: view.seed,
    inputs: view.inputs,
    point: { timeMs: view.timeMs, events: view.events },
    selection: view.selection,
  });
  if (problem !== null) {
    store.setState({ notice: `This link cannot be opened: ${problem}. ${fallback}` });
    return store;
  }
  // How the view looked, on top of the run: an op id the run does not have pictures nothing.
  const state = store.getState();
  if (view.clusterZoom !== null) state.setClusterZoom(view.clusterZoom);
  state.setClusterPositions(view.clusterPositions);
  state.setTimelineWindow(view.timelineWindow);
  if (view.highlightedOps.length > 0) state.highlightOps(view.highlightedOps);
  if (view.focusedOp !== null) state.focusOp(view.focusedOp);
  return store;
}
