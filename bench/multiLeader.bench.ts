/**
 * `npm run bench:multi-leader`: a busy multi-leader run — four datacenters, eight clients writing
 * two hot keys every 20 ms on average for a minute, with an inter-datacenter partition in the
 * middle — under each value kind. Prints engine events per second, the run's wall time, and the
 * average size of a change message (a register change lists what it overwrites, so it grows
 * with the writes to its key). Figures, not a test: the process always exits 0.
 */
import { nextEventTime, runUntil, step } from '../src/engine/simulation';
import { startMultiLeaderScenario } from '../src/scenarios/multiLeaderRun';
import type { MultiLeaderScenarioInput } from '../src/scenarios/multiLeaderSchema';
import { parseMultiLeaderScenario } from '../src/scenarios/validateMultiLeader';

const RUN_MS = 60_000;
const REPEATS = 3;
type Kind = 'register' | 'set' | 'list';

function scenario(kind: Kind) {
  const dcs = ['a', 'b', 'c', 'd'];
  const input: MultiLeaderScenarioInput = {
    id: `bench-${kind}`,
    protocol: 'multi-leader',
    title: 'bench',
    summary: 'bench',
    durationMs: RUN_MS,
    cluster: {
      datacenters: dcs.map((d) => ({
        id: d,
        leader: `L-${d}`,
        followers: [`F-${d}`],
        clients: [`u1-${d}`, `u2-${d}`],
      })),
      values: kind,
    },
    timeline: [
      {
        at: 20_000,
        type: 'partition-dcs',
        groups: [
          ['a', 'b'],
          ['c', 'd'],
        ],
      },
      { at: 30_000, type: 'heal' },
    ],
    workload: {
      clients: dcs.flatMap((d) => [`u1-${d}`, `u2-${d}`]),
      toMs: RUN_MS - 5000,
      meanGapMs: 160,
      keys: ['k1', 'k2'],
      writeRatio: 0.8,
    },
  };
  const parsed = parseMultiLeaderScenario(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

/**
 * Mean JSON size of the change messages, noted as each is sent, in a separate untimed run: the
 * message log keeps only the latest payloads (see `PAYLOAD_WINDOW` in messageLog.ts).
 */
function changeMessageBytes(kind: Kind): number {
  const sim = startMultiLeaderScenario(scenario(kind), 1);
  let bytes = 0;
  let changes = 0;
  let seen = sim.core.nextMessageId;
  for (;;) {
    const next = nextEventTime(sim);
    if (next === undefined || next > RUN_MS) break;
    step(sim);
    if (sim.core.nextMessageId === seen) continue;
    for (const e of sim.core.queue) {
      if (e.type !== 'deliver' || e.id < seen) continue;
      const p = e.payload as { changes?: unknown[] } | undefined;
      if (p?.changes === undefined) continue;
      changes++;
      bytes += JSON.stringify(p).length;
    }
    seen = sim.core.nextMessageId;
  }
  return bytes / Math.max(1, changes);
}

function measure(kind: Kind) {
  const times: number[] = [];
  let events = 0;
  for (let i = 0; i < REPEATS; i++) {
    const sim = startMultiLeaderScenario(scenario(kind), 1);
    const start = process.hrtime.bigint();
    runUntil(sim, RUN_MS);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    events = sim.core.eventsProcessed;
  }
  const ms = median(times);
  return {
    kind,
    ms,
    events,
    perSec: (events / ms) * 1000,
    avgBytes: changeMessageBytes(kind),
  };
}

console.log(
  `multi-leader, 4 datacenters x (leader + follower), 8 clients, ${RUN_MS / 1000} s simulated`,
);
for (const kind of ['register', 'set', 'list'] as const) {
  const r = measure(kind);
  console.log(
    `  ${kind.padEnd(8)}  ${r.events.toLocaleString('en-US').padStart(9)} events  ${r.ms.toFixed(0).padStart(6)} ms  ${Math.round(r.perSec).toLocaleString('en-US').padStart(9)} events/s  change message ${Math.round(r.avgBytes)} B avg`,
  );
}
