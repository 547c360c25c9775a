/**
 * The built-in scenario library, in the order a newcomer should meet them.
 */
import type { Scenario } from '../schema';
import { parseScenario } from '../validate';
import addFollower from './add-follower.json';
import boundedStaleness from './bounded-staleness.json';
import boundedStalenessCured from './bounded-staleness-cured.json';
import consistentPrefix from './consistent-prefix.json';
import consistentPrefixCured from './consistent-prefix-cured.json';
import failoverLosesAsyncWrites from './failover-loses-async-writes.json';
import followerCrashCatchUp from './follower-crash-catch-up.json';
import lagSpikeNeedlessFailover from './lag-spike-needless-failover.json';
import monotonicReads from './monotonic-reads.json';
import monotonicReadsCured from './monotonic-reads-cured.json';
import readYourWrites from './read-your-writes.json';
import readYourWritesCured from './read-your-writes-cured.json';
import semiSync from './semi-sync.json';
import splitBrainFenced from './split-brain-fenced.json';
import splitBrainNoFencing from './split-brain-no-fencing.json';
import syncVsAsync from './sync-vs-async.json';

const sources: unknown[] = [
  syncVsAsync,
  semiSync,
  followerCrashCatchUp,
  addFollower,
  failoverLosesAsyncWrites,
  splitBrainNoFencing,
  splitBrainFenced,
  lagSpikeNeedlessFailover,
  readYourWrites,
  readYourWritesCured,
  monotonicReads,
  monotonicReadsCured,
  consistentPrefix,
  consistentPrefixCured,
  boundedStaleness,
  boundedStalenessCured,
];

function load(source: unknown): Scenario {
  const result = parseScenario(source);
  if (!result.ok) throw new Error(`built-in scenario is invalid:\n${result.errors.join('\n')}`);
  return result.scenario;
}

/** Every built-in scenario, validated. */
export const builtinScenarios: readonly Scenario[] = sources.map(load);

export function findBuiltin(id: string): Scenario | undefined {
  return builtinScenarios.find((s) => s.id === id);
}
