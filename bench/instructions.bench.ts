/**
 * `npm run bench:instructions`: instructions per event of the engine (the large single-leader
 * scenario, as `bench:engine` runs it) and of the bare loop, counted by valgrind's callgrind.
 *
 * Wall-clock figures on a shared two-core machine move by 10-20 % between identical runs; an
 * instruction count does not. With V8 in predictable mode and a heap of fixed size (no
 * time-based decisions about compiling or collecting), the same program counts the same
 * instructions to a few parts per billion, so a change of 1 % is visible at once. Each figure
 * is a difference of two runs that differ only in how much is measured, so start-up and
 * warm-up cancel out. What it cannot see: cache misses, and the collector's work beyond
 * scavenges (the fixed heap never fills); check a change with `bench:engine` too.
 *
 * `npm run bench:instructions -- --by-function` also prints where the engine's instructions go,
 * per event, by function (V8's generated code by the JS function it was compiled from).
 *
 * `npm run bench:instructions -- --with-collector` also counts the whole large run with V8's own
 * heap sizing, as `bench:engine` runs it: full collections included (single-threaded, as V8's
 * predictable mode has them). Growing the logs by copying cost a fifth of the engine's
 * instructions that way, and the fixed-heap count saw none of it. Takes about seven minutes more.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { instructionsByFunction } from './callgrindProfile';

const ENGINE_MS = 15_000;
const BARE_EVENTS = 1_000_000;
/** With `--with-collector`: the whole large run, after two warm-up runs of half its length. */
const FULL_RUN_MS = 60_000;
const PREDICTABLE = ['--predictable', '--random-seed=1', '--hash-seed=1'];
/** A heap that never fills: no full collection, and scavenges at fixed points. */
const FIXED_HEAP = [
  '--min-semi-space-size=16',
  '--max-semi-space-size=16',
  '--initial-heap-size=3000',
];
type Heap = 'fixed' | 'own';
const source = fileURLToPath(new URL('./instructionRun.ts', import.meta.url));

const BY_FUNCTION = process.argv.includes('--by-function');
const WITH_COLLECTOR = process.argv.includes('--with-collector');
const workDir = mkdtempSync(join(tmpdir(), 'instructions-'));
/**
 * The program, bundled once into one plain JavaScript file. Loaded through tsx instead, each
 * run's count moved by 0.5-10 %: tsx transforms and caches files as it loads them, and that
 * work differs from run to run. A bundle makes every run execute the same code.
 */
const program = join(workDir, 'instructionRun.mjs');

interface Counted {
  instructions: number;
  events: number;
  hash?: string;
  /** With `--by-function`: self instructions by function. */
  byFunction?: Map<string, number>;
}

/** One callgrind run of `instructionRun.ts`. */
function counted(
  what: 'engine' | 'bare',
  count: number,
  warm: number,
  heap: Heap,
): Promise<Counted> {
  const profile =
    BY_FUNCTION && what === 'engine' && heap === 'fixed'
      ? join(workDir, `${count}.out`)
      : undefined;
  const args = ['--tool=callgrind', `--callgrind-out-file=${profile ?? '/dev/null'}`];
  if (profile !== undefined) args.push('--dump-instr=yes');
  args.push(process.execPath, ...PREDICTABLE, ...(heap === 'fixed' ? FIXED_HEAP : []));
  if (profile !== undefined) args.push('--perf-basic-prof', '--no-compact-code-space');
  args.push(program);
  const env = { ...process.env, WHAT: what, COUNT: String(count), WARM: String(warm) };
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { env });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const instructions = /Collected : (\d+)/.exec(out)?.[1];
      const events = /events (\d+)/.exec(out)?.[1];
      if (code !== 0 || instructions === undefined || events === undefined) {
        reject(new Error(`valgrind run failed (exit ${code}):\n${out.slice(-2000)}`));
        return;
      }
      const hash = /hash (\d+)/.exec(out)?.[1];
      const pid = /==(\d+)==/.exec(out)?.[1];
      resolve({
        instructions: Number(instructions),
        events: Number(events),
        hash: hash === undefined ? undefined : Number(hash).toString(16).padStart(8, '0'),
        byFunction:
          profile === undefined || pid === undefined
            ? undefined
            : instructionsByFunction(profile, `/tmp/perf-${pid}.map`, program),
      });
    });
  });
}

/** Instructions per event of `count` units of work, after `warm` units of warm-up. */
async function perEvent(
  what: 'engine' | 'bare',
  count: number,
  warm = count,
  heap: Heap = 'fixed',
) {
  const [base, full] = await Promise.all([
    counted(what, 1, warm, heap),
    counted(what, count, warm, heap),
  ]);
  const events = full.events - base.events;
  const byFunction = new Map<string, number>();
  for (const [name, n] of full.byFunction ?? []) {
    byFunction.set(name, (n - (base.byFunction?.get(name) ?? 0)) / events);
  }
  return {
    perEvent: (full.instructions - base.instructions) / events,
    events,
    hash: full.hash,
    byFunction,
  };
}

async function main(): Promise<void> {
  try {
    if (spawnSync('valgrind', ['--version']).status !== 0) {
      console.log(
        'bench:instructions needs valgrind (Debian: apt-get install -y valgrind); skipped.',
      );
      return;
    }
    console.log('Counting instructions under callgrind (a few minutes)...');
    await count();
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function count(): Promise<void> {
  await build({
    entryPoints: [source],
    outfile: program,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  const engine = await perEvent('engine', ENGINE_MS);
  const bare = await perEvent('bare', BARE_EVENTS);
  const int = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log('\nInstructions per event (callgrind, V8 predictable, fixed heap)');
  console.log('-------------------------------------------------------------');
  console.log(
    `  engine, large scenario to ${ENGINE_MS / 1000} s   ${int(engine.perEvent)}   (${int(engine.events)} events, trace hash ${engine.hash})`,
  );
  console.log(
    `  bare loop                           ${int(bare.perEvent)}   (${int(bare.events)} events)`,
  );
  console.log(
    `  ratio engine/bare                   ${(engine.perEvent / bare.perEvent).toFixed(2)}x`,
  );
  if (WITH_COLLECTOR) {
    const full = await perEvent('engine', FULL_RUN_MS, FULL_RUN_MS / 2, 'own');
    console.log(`\nThe whole large run, with V8's own heap sizing (collections included)`);
    console.log('---------------------------------------------------------------------');
    console.log(
      `  engine, large scenario to ${FULL_RUN_MS / 1000} s   ${int(full.perEvent)}   (${int(full.events)} events, trace hash ${full.hash})`,
    );
    console.log(
      `  ratio engine/bare                   ${(full.perEvent / bare.perEvent).toFixed(2)}x`,
    );
  }
  if (BY_FUNCTION) {
    console.log('\nThe engine per event, by function (self instructions, the 40 largest)');
    console.log(
      '(profiling adds work of its own: compare these among themselves, not with the totals)',
    );
    const top = [...engine.byFunction].sort((a, b) => b[1] - a[1]).slice(0, 40);
    for (const [name, n] of top) console.log(`  ${int(n).padStart(6)}  ${name.slice(0, 100)}`);
  }
}

await main();
