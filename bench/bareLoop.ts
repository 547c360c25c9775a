/**
 * The baseline for the engine benchmark: a bare discrete-event loop over the engine's own heap
 * (heapPush / heapPop from src/engine/eventQueue.ts). Events have the engine's shape (time,
 * sequence, type, payload object); handling one does a little work on its payload and schedules
 * one follow-up event after a pseudo-random delay drawn from an inline xorshift. This is what a
 * simulator costs with nothing but "priority queue + dispatch": no network, no protocol, no trace.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { heapPop, heapPush } from '../src/engine/eventQueue';

type BareType = 'deliver' | 'timer' | 'client-timeout';

interface BarePayload {
  node: number;
  value: number;
}

interface BareEvent {
  t: number;
  seq: number;
  type: BareType;
  payload: BarePayload;
}

export interface BareLoopResult {
  events: number;
  wallMs: number;
  eventsPerSec: number;
  /** Events per second of CPU time used by the process (see `cpuMsSince` in engine.bench.ts). */
  eventsPerCpuSec: number;
  /** Folded from every handled event so the work cannot be optimised away. */
  checksum: number;
}

const TYPES: readonly BareType[] = ['deliver', 'deliver', 'deliver', 'timer', 'client-timeout'];

/**
 * Process `events` events, keeping `pending` of them scheduled at any time (a large engine run
 * holds a couple of thousand: messages in flight, timers, client timeouts).
 */
export function runBareLoop(events: number, pending = 2500, seed = 0x2545f491): BareLoopResult {
  let x = seed | 0 || 1;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  const queue: BareEvent[] = [];
  let seq = 0;
  for (let i = 0; i < pending; i++) {
    const r = next();
    heapPush(queue, {
      t: r % 20,
      seq: seq++,
      type: TYPES[r % TYPES.length] as BareType,
      payload: { node: r & 7, value: r >>> 8 },
    });
  }
  const perNode = new Float64Array(8);
  let checksum = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let handled = 0; handled < events; handled++) {
    const event = heapPop(queue) as BareEvent;
    const now = event.t;
    const { payload } = event;
    switch (event.type) {
      case 'deliver':
        perNode[payload.node] = (perNode[payload.node] as number) + 1;
        checksum = (checksum + payload.value) | 0;
        break;
      case 'timer':
        checksum = (checksum ^ payload.value) | 0;
        break;
      case 'client-timeout':
        checksum = (checksum - payload.node) | 0;
        break;
    }
    const r = next();
    heapPush(queue, {
      t: now + 1 + (r % 16),
      seq: seq++,
      type: TYPES[r % TYPES.length] as BareType,
      payload: { node: r & 7, value: (payload.value + r) | 0 },
    });
  }
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  checksum = (checksum + (perNode[0] as number)) | 0;
  return {
    events,
    wallMs,
    eventsPerSec: (events / wallMs) * 1000,
    eventsPerCpuSec: (events / cpuMs) * 1000,
    checksum,
  };
}

// ---------------------------------------------------------------------------------------------
// Isolation: the heap functions are shared code, and V8 specialises them on the event shapes
// they see. Run in the engine's isolate, the bare loop would slow the engine (and vice versa),
// so the benchmark runs each bare measurement in a worker: a fresh isolate, the same process.

interface BareRequest {
  kind: 'bare-loop';
  events: number;
  pending: number;
}

/** `runBareLoop` in a fresh worker thread; resolves when it is done. */
export function runBareLoopIsolated(events: number, pending: number): Promise<BareLoopResult> {
  const request: BareRequest = { kind: 'bare-loop', events, pending };
  return new Promise((resolve, reject) => {
    // Workers do not inherit tsx's loader: register it, then load this file, in the worker.
    const boot = `(async () => {
      const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))});
      register();
      await import(${JSON.stringify(import.meta.url)});
    })();`;
    const worker = new Worker(boot, { eval: true, workerData: request });
    worker.once('message', (result: BareLoopResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`bare loop worker exited with code ${code}`));
    });
  });
}

if (!isMainThread && parentPort !== null) {
  const request = workerData as BareRequest | undefined;
  if (request?.kind === 'bare-loop') {
    runBareLoop(Math.min(200_000, request.events), request.pending); // warm-up
    parentPort.postMessage(runBareLoop(request.events, request.pending));
  }
}
