/** "Export run": the run file (see scenarios/runFile.ts) for what the store shows now. */
import { historyOps } from '../../engine/historyLog';
import { storedTrace } from '../../engine/traceLog';
import { runFileContents } from '../../scenarios/runFile';
import type { ReplicaState } from '../../store/store';

export function runFileText(state: ReplicaState): string {
  const { sim, userInputs } = state.session;
  const contents = runFileContents(
    { scenario: state.scenario, seed: state.seed, inputs: userInputs, timeMs: sim.core.now },
    {
      traceHash: state.view.traceHash,
      trace: storedTrace(sim.logs.trace),
      history: historyOps(sim.logs.history),
    },
  );
  return `${JSON.stringify(contents, null, 1)}\n`;
}

export function runFileName(state: ReplicaState): string {
  return `${state.scenario.id}-seed${state.seed}-t${state.session.sim.core.now}.run.json`;
}
