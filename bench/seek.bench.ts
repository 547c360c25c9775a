/**
 * `npm run bench` (second part), or `npm run bench:seek`: seeking in a live session, through
 * the session's own seek path (`src/store/session.ts`) with its real checkpoint policy, as the
 * time slider does.
 *
 * The run is built the way a user builds it: played forward event by event from the start (the
 * session checkpoints the frontier as it goes). Then it seeks to random times anywhere in it.
 * Figures: the session seek alone, and seek plus rebuilding the view the UI draws from (what
 * the store does on every scrub). Target: any seek in a 10,000-event run under 50 ms. A long
 * run (100,000 events) shows the checkpoint cap at work. MISS is printed, never thrown. On a
 * busy machine wall time includes waiting for a core, so CPU time is printed beside it.
 */
import { cpus, loadavg } from 'node:os';
import { serialize } from 'node:v8';
import { createSession, type Session, seek, stepBack, stepForward } from '../src/store/session';
import { buildView } from '../src/store/view';
import { largeScenario } from './largeScenario';

const TARGET_MS = 50;
const SEEKS = 100;
const STEP_BACKS = 50;

const fixed = (n: number, digits: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** Tiny seeded xorshift for choosing targets (no Math.random: the run is repeatable). */
function xorshift(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function table(title: string, rows: Array<[string, string]>): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${title}`);
  console.log('-'.repeat(title.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

/** Play a session forward, one event at a time, until it has processed `events` events. */
function playTo(events: number, durationMs: number): { session: Session; forwardMs: number } {
  const session = createSession(largeScenario({ durationMs, clients: 2, meanGapMs: 20 }), 42);
  const t0 = performance.now();
  while (session.sim.core.eventsProcessed < events && stepForward(session)) {
    // one event per iteration
  }
  return { session, forwardMs: performance.now() - t0 };
}

interface Timing {
  mean: number;
  p95: number;
  max: number;
}

function summarize(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const total = sorted.reduce((a, b) => a + b, 0);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { mean: total / sorted.length, p95: at(0.95), max: at(1) };
}

/** CPU time of this process in ms: waiting for a core on a busy machine does not count. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Seek to random times (timed alone, with the view rebuild, and in CPU time), then step back.
 */
function measure(session: Session, seed: number) {
  const end = session.sim.core.now;
  const random = xorshift(seed);
  const seekMs: number[] = [];
  const seekViewMs: number[] = [];
  const seekViewCpuMs: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    seek(session, Math.floor(random() * end));
    const t1 = performance.now();
    buildView(session);
    const t2 = performance.now();
    seekViewCpuMs.push(cpuMs() - c0);
    seekMs.push(t1 - t0);
    seekViewMs.push(t2 - t0);
  }
  const backMs: number[] = [];
  for (let i = 0; i < STEP_BACKS; i++) {
    // Step back from a few random places, several times from each.
    if (i % 10 === 0) seek(session, Math.floor(random() * end));
    const t0 = performance.now();
    stepBack(session);
    backMs.push(performance.now() - t0);
  }
  return {
    end,
    seekOnly: summarize(seekMs),
    seekAndView: summarize(seekViewMs),
    seekAndViewCpu: summarize(seekViewCpuMs),
    back: summarize(backMs),
    checkpoints: session.checkpoints.length,
  };
}

const ms = (t: Timing) =>
  `mean ${fixed(t.mean, 2)} ms, p95 ${fixed(t.p95, 2)} ms, max ${fixed(t.max, 2)} ms`;
const verdict = (t: Timing) => (t.max < TARGET_MS ? 'PASS' : 'MISS');

function report(title: string, events: number, durationMs: number, seed: number): void {
  const { session, forwardMs } = playTo(events, durationMs);
  const played = session.sim.core.eventsProcessed;
  const kept = session.checkpoints.length;
  // Serialized size: a fair proxy for what the clones hold on the heap.
  const bytes = session.checkpoints.reduce((sum, cp) => sum + serialize(cp.core).length, 0);
  const m = measure(session, seed);
  const { every, max } = session.policy;
  table(title, [
    ['events / virtual time', `${int(played)} / ${int(m.end)} ms`],
    ['played forward (with checkpoints)', `${int(forwardMs)} ms`],
    ['checkpoint policy', `every ${every} events at the frontier, at most ${max} kept`],
    [
      'checkpoints kept after playing',
      `${int(kept)} (${fixed(bytes / 1024 / 1024, 1)} MB serialized)`,
    ],
    ['checkpoints kept after the seeks', int(m.checkpoints)],
    [`seek, ${SEEKS} random times`, ms(m.seekOnly)],
    [`seek + view rebuild, ${SEEKS} times`, ms(m.seekAndView)],
    ['  the same in CPU time', ms(m.seekAndViewCpu)],
    [`step back, ${STEP_BACKS} times`, ms(m.back)],
    [`any seek + view < ${TARGET_MS} ms`, verdict(m.seekAndView)],
    [`any seek + view < ${TARGET_MS} ms of CPU`, verdict(m.seekAndViewCpu)],
  ]);
}

function main(): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg()[0] ?? 0;
  console.log(`Replica Lab seek benchmark — Node ${process.version}, ${cpu} x${cpus().length}`);
  console.log(`Load average at start: ${fixed(load, 2)}`);
  report('warm-up', 3_000, 12_000, 1);
  report('Seeking in a 10,000-event session', 10_000, 12_000, 0x5eec);
  report('Seeking in a 100,000-event session (the cap thins checkpoints)', 100_000, 500_000, 7);
}

main();
