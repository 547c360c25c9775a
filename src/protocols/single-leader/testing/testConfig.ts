/** A complete single-leader configuration for unit tests, with no cures; override what matters. */
import { DEPTH_DEFAULTS, NO_CURES, type SingleLeaderConfig } from '../config';

export { NO_CURES };

export function testConfig(overrides: Partial<SingleLeaderConfig> = {}): SingleLeaderConfig {
  return {
    leader: 'n1',
    monitor: null,
    followers: {},
    semiSync: false,
    heartbeatIntervalMs: 100,
    failureTimeoutMs: 500,
    electionWaitMs: 100,
    fencing: false,
    leaseMs: 300,
    syncAckTimeoutMs: 300,
    catchUpBatch: 50,
    reads: 'leader',
    cures: NO_CURES,
    ...DEPTH_DEFAULTS,
    ...overrides,
  };
}
