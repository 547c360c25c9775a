/**
 * What a tour step does to the page while it is shown: its focus (nodes and clients glow in the
 * cluster view, operations on its keys are picked out in the space-time diagram), and, for a
 * step that asks the user to act, a pause on arrival so the run waits for them.
 */
import { useEffect } from 'react';
import type { ReplicaState } from '../../store/store';
import { useReplica, useReplicaStore } from '../StoreContext';
import { focusedOps, stepAnswered } from './tourRules';

const FOCUS_ATTRIBUTE = 'data-tour-focus';
const selectStep = (s: ReplicaState) => s.scenario.narration[s.view.narrationIndex];
const selectHistory = (s: ReplicaState) => s.view.history;

/**
 * Renders nothing: a component of its own so that a new step or operation re-renders only it,
 * never the page around it.
 */
export function TourEffects(): null {
  const store = useReplicaStore();
  const step = useReplica(selectStep);
  const history = useReplica(selectHistory);

  // Runs after React has drawn the step's scenario, so the marks to light up exist. The
  // attribute is not React's: re-renders of the marks leave it alone.
  useEffect(() => {
    const endpoints = step?.focus?.endpoints ?? [];
    const lit: Element[] = [];
    for (const id of endpoints) {
      for (const mark of document.querySelectorAll(`[data-endpoint="${CSS.escape(id)}"]`)) {
        mark.setAttribute(FOCUS_ATTRIBUTE, '');
        lit.push(mark);
      }
    }
    const ops = focusedOps(step, history);
    if (ops.length > 0) store.getState().highlightOps(ops);
    return () => {
      for (const mark of lit) mark.removeAttribute(FOCUS_ATTRIBUTE);
      if (ops.length > 0) store.getState().highlightOps([]);
    };
  }, [step, history, store]);

  useEffect(
    () =>
      store.subscribe(
        (s) => s.view.narrationIndex,
        (index) => {
          const s = store.getState();
          const entered = s.scenario.narration[index];
          if (s.playing && entered && !stepAnswered(entered, s.session.userInputs, s.view.t)) {
            s.pause();
          }
        },
      ),
    [store],
  );
  return null;
}
