/**
 * The program `instructions.bench.ts` runs under callgrind: the engine benchmark's large
 * scenario (`engine`) or the bare loop (`bare`), first warmed up on the very work that is then
 * measured, so that optimised code is measured. Prints the number of events and, for the
 * engine, the trace hash. `COUNT` is the amount measured: virtual ms, or bare-loop events.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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
  // Two warm-up runs: the second simulation's objects widen the field types V8 recorded from
  // the first one's (a first run has one object of each kind), which throws away much of the
  // code optimised on the first run; from the third simulation on, nothing is recompiled. Then a
  // full collection, as bench:engine does before each run: left in the heap, the dead warm-up
  // simulations added a third to the count.
  for (let i = 0; i < 2; i++) runUntil(startScenario(scenario, scenario.seed), warm);
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const sim = startScenario(scenario, scenario.seed);
  runUntil(sim, count);
  console.log(`events ${sim.core.eventsProcessed} hash ${sim.core.traceHash >>> 0}`);
}
