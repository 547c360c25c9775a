/**
 * `--cdc`: the run's logical log read as an external consumer would (change data capture): the
 * authoritative replica's committed row changes, one JSON object per line, in commit order.
 */
import { nodeRuntime } from '../engine/simulation';
import { changeEvents } from '../protocols/single-leader/formats/cdc';
import { authoritativeReplica } from '../protocols/single-leader/outcome';
import { runScenario } from '../scenarios/run';
import type { Scenario } from '../scenarios/schema';

export function changeDataCapture(scenario: Scenario, seed: number): string {
  const sim = runScenario(scenario, seed);
  const truth = authoritativeReplica(sim);
  const log = truth === null ? [] : (nodeRuntime(sim, truth)?.state.storage.log ?? []);
  return changeEvents(log)
    .map((e) => `${JSON.stringify(e)}\n`)
    .join('');
}
