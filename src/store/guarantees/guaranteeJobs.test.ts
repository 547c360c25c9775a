import { describe, expect, it } from 'vitest';
import { findAnyBuiltin } from '../../scenarios/builtin';
import { judgeRun } from '../../scenarios/guaranteeRuns';
import { guaranteeTable } from '../../scenarios/guarantees';
import { countResult, emptyTables, jobsFor, runJob } from './guaranteeJobs';

describe('guarantee jobs', () => {
  it('interleave configurations seed by seed', () => {
    expect(jobsFor(['a', 'b'], 2)).toEqual([
      { scenario: 'a', seed: 1 },
      { scenario: 'b', seed: 1 },
      { scenario: 'a', seed: 2 },
      { scenario: 'b', seed: 2 },
    ]);
  });

  it('counted one by one, in any order, give the table the CLI computes', () => {
    const id = 'guarantees-async-followers';
    const scenario = findAnyBuiltin(id);
    if (scenario === undefined) throw new Error(`no ${id}`);
    const tables = emptyTables([id], 3);
    for (const job of jobsFor([id], 3).reverse()) {
      countResult(tables, runJob(job, findAnyBuiltin, judgeRun));
    }
    expect(tables[0]).toEqual(guaranteeTable(scenario, 3));
  });

  it('an unknown configuration or a failing run is counted as a crash, naming it', () => {
    const tables = emptyTables(['nope'], 1);
    const result = runJob({ scenario: 'nope', seed: 1 }, findAnyBuiltin, judgeRun);
    countResult(tables, result);
    expect(tables[0]?.crashed).toEqual([{ seed: 1, message: 'no built-in scenario "nope"' }]);
    const failing = runJob(
      { scenario: 'nope', seed: 2 },
      () => findAnyBuiltin('read-your-writes'),
      () => {
        throw new Error('boom');
      },
    );
    expect(failing).toEqual({ scenario: 'nope', seed: 2, error: 'boom' });
  });
});
