/**
 * A worker that runs and judges one built-in scenario with one seed per request, so the guarantee
 * table fills without freezing the page (a run with its checks takes tens to hundreds of ms).
 */
import { findAnyBuiltin } from '../../scenarios/builtin';
import { judgeRun } from '../../scenarios/guaranteeRuns';
import type { GuaranteeJob, GuaranteeJobResult } from './guaranteeJobs';
import { runJob } from './guaranteeJobs';

self.onmessage = (event: MessageEvent<GuaranteeJob>) => {
  const result: GuaranteeJobResult = runJob(event.data, findAnyBuiltin, judgeRun);
  self.postMessage(result);
};
