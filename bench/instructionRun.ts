/**
 * The program `instructions.bench.ts` runs under callgrind: the engine benchmark's large
 * scenario (`engine`) or the bare loop (`bare`), first warmed up on the very work that is then
 * measured, so that optimised code is measured. Prints the number of events and, for the
 * engine, the trace hash. `COUNT` is the amount measured: virtual ms, or bare-loop events.
 */
import { runUntil } from '../src/engine/simulation';
import { startScenario } from '../src/scenarios/run';
import { runBareLoop } from './bareLoop';
import { largeScenario } from './largeScenario';

const what = process.env.WHAT ?? 'engine';
const count = Number(process.env.COUNT ?? 1);
const warm = Number(process.env.WARM ?? count);

if (what === 'bare') {
  runBareLoop(warm, 72);
  const result = runBareLoop(count, 72);
  console.log(`events ${count} checksum ${result.checksum}`);
} else {
  const scenario = largeScenario();
  runUntil(startScenario(scenario, scenario.seed), warm);
  const sim = startScenario(scenario, scenario.seed);
  runUntil(sim, count);
  console.log(`events ${sim.core.eventsProcessed} hash ${sim.core.traceHash >>> 0}`);
}
