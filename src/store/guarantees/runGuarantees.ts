/**
 * Fill guarantee tables in the background: jobs go to a worker one at a time (so cancelling
 * stops at once), each answer is counted and reported with a fresh copy of the tables.
 */
import type { GuaranteeTable } from '../../scenarios/guarantees';
import {
  countResult,
  emptyTables,
  type GuaranteeJob,
  type GuaranteeJobResult,
  jobsFor,
} from './guaranteeJobs';

export interface GuaranteeProgress {
  tables: GuaranteeTable[];
  done: number;
  total: number;
}

/** Start filling; returns a function that stops it. */
export function runGuarantees(
  scenarios: readonly string[],
  seeds: number,
  onProgress: (progress: GuaranteeProgress) => void,
): () => void {
  const tables = emptyTables(scenarios, seeds);
  const jobs = jobsFor(scenarios, seeds);
  const worker = new Worker(new URL('./guaranteeWorker.ts', import.meta.url), { type: 'module' });
  let done = 0;
  const next = () => {
    const job = jobs[done] as GuaranteeJob | undefined;
    if (job === undefined) worker.terminate();
    else worker.postMessage(job);
  };
  worker.onmessage = (event: MessageEvent<GuaranteeJobResult>) => {
    countResult(tables, event.data);
    done++;
    onProgress({ tables: structuredClone(tables), done, total: jobs.length });
    next();
  };
  worker.onerror = (event) => {
    // A worker that cannot even start (a build problem) fails every job with the same reason.
    event.preventDefault();
    for (const job of jobs.slice(done)) countResult(tables, { ...job, error: event.message });
    onProgress({ tables: structuredClone(tables), done: jobs.length, total: jobs.length });
    worker.terminate();
  };
  onProgress({ tables: structuredClone(tables), done, total: jobs.length });
  next();
  return () => worker.terminate();
}
