/**
 * Log formats changed the single-leader write and apply paths; scenarios without statements
 * must run exactly as before. The hashes were recorded from the code before log formats existed
 * (commit 2337154). A later change that is meant to alter these runs (a protocol change, a
 * scenario edit) re-records them: run each scenario with seeds 1..3 and store the new hashes.
 */
import { describe, expect, it } from 'vitest';
import before from '../protocols/single-leader/formats/testing/builtinTraceHashes.json';
import { allBuiltinScenarios } from './builtin';
import { runAndReport } from './runAny';

const recorded = before as Record<string, string[]>;

describe('scenarios without statements', () => {
  it.each(Object.keys(recorded))('%s keeps its trace hashes for seeds 1..3', (id) => {
    const scenario = allBuiltinScenarios.find((s) => s.id === id);
    if (scenario === undefined) throw new Error(`no built-in scenario ${id}`);
    const hashes = [1, 2, 3].map((seed) => runAndReport(scenario, seed).traceHash);
    expect(hashes).toEqual(recorded[id]);
  });
});
