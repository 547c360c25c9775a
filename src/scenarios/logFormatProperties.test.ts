/**
 * Log formats over random runs (random faults, failovers, concurrent statement transactions):
 * row-based, WAL shipping and (unfiltered) trigger-based replication keep live replicas identical; statement-based replication with
 * NOW() and RAND() makes them diverge, and the leader's substituted values cure it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../checker';
import { historyOps } from '../engine/historyLog';
import { runUntilQuiet } from '../engine/simulation';
import type { LogFormatSettings } from '../protocols/single-leader/formats/settings';
import { DEFAULT_FORMAT_SETTINGS } from '../protocols/single-leader/formats/settings';
import { converged, type SingleLeaderSim } from '../protocols/single-leader/outcome';
import { finalStateOf } from './anomalies';
import { QUIET_FROM_MS, randomRunArb } from './randomRuns';
import { runScenario } from './run';
import type { Scenario } from './schema';

const STATEMENTS_UNTIL_MS = QUIET_FROM_MS - 1000;

/** Statements over one table `t`; NOW() and RAND() in the inserts, arithmetic in the updates. */
const statementArb = (opts: { sleeps: boolean; deletes: boolean }) =>
  fc
    .record({
      at: fc.integer({ min: 50, max: STATEMENTS_UNTIL_MS }),
      client: fc.constantFrom('user-1', 'user-2'),
      kind: fc.constantFrom(
        'insert',
        'insert',
        'bump',
        'stamp',
        ...(opts.deletes ? (['delete'] as const) : []),
      ),
      n: fc.integer({ min: 1, max: 6 }),
      sleepMs: opts.sleeps ? fc.constantFrom(0, 0, 30, 120) : fc.constant(0),
    })
    .map(({ at, client, kind, n, sleepMs }) => {
      const sql = {
        insert: `INSERT INTO t (v, at, r) VALUES (${n}, NOW(), RAND())`,
        bump: `UPDATE t SET v = v + 1 WHERE id <= ${n}`,
        stamp: `UPDATE t SET at = NOW(), r = RAND() WHERE v > ${n}`,
        delete: `DELETE FROM t WHERE id = ${n}`,
      }[kind];
      return {
        at,
        type: 'statement' as const,
        client,
        sql: sleepMs > 0 ? `${sql}; SLEEP(${sleepMs})` : sql,
      };
    });

/** A random run with statements mixed into its workload, under the given format. */
function withStatements(
  run: { scenario: Scenario; seed: number },
  statements: Scenario['timeline'],
  settings: LogFormatSettings,
) {
  const first: Scenario['timeline'] = [
    {
      at: 20,
      type: 'statement',
      client: 'user-1',
      sql: 'INSERT INTO t (v, at, r) VALUES (0, NOW(), RAND())',
    },
  ];
  const timeline = [...run.scenario.timeline, ...first, ...statements].sort((a, b) => a.at - b.at);
  const cluster = { ...run.scenario.cluster, logFormat: settings };
  return { scenario: { ...run.scenario, cluster, timeline }, seed: run.seed };
}

function settled(scenario: Scenario, seed: number): SingleLeaderSim {
  const sim = runScenario(scenario, seed);
  expect(runUntilQuiet(sim, 1000, 60_000)).toBe(true);
  return sim;
}

function divergences(sim: SingleLeaderSim): number {
  const findings = checkHistory(historyOps(sim.logs.history), {}, finalStateOf(sim));
  return findings.filter((f) => f.kind === 'divergence').length;
}

/**
 * Did the leader acknowledge an insert that calls NOW() or RAND()? An insert always writes its
 * row (an update may match none, and then there is nothing to diverge), and with no deletes the
 * row stays.
 */
function nondeterministicInsertAcknowledged(sim: SingleLeaderSim): boolean {
  return historyOps(sim.logs.history).some(
    (h) =>
      h.type === 'ok' && h.f === 'write' && /^INSERT\b.*(NOW\(\)|RAND\(\))/.test(String(h.value)),
  );
}

const settings = (format: LogFormatSettings['format'], substitute = false): LogFormatSettings => ({
  ...DEFAULT_FORMAT_SETTINGS,
  format,
  substituteNondeterministic: substitute,
});

const runs = { numRuns: 40 };

describe('replication log formats over random faults', () => {
  it('replay bit for bit: same seed, statements and format, same trace hash', () => {
    fc.assert(
      fc.property(
        randomRunArb({ mode: 'async', leaderFaults: true, maxLeaderFaults: 2 }),
        fc.array(statementArb({ sleeps: true, deletes: true }), { maxLength: 15 }),
        fc.constantFrom('statement', 'wal', 'logical', 'trigger' as const),
        (run, statements, format) => {
          const { scenario, seed } = withStatements(run, statements, settings(format));
          const a = runScenario(scenario, seed);
          const b = runScenario(scenario, seed);
          expect(a.core.traceHash).toBe(b.core.traceHash);
        },
      ),
      { numRuns: 20 },
    );
  });

  it.each(['logical', 'wal', 'trigger'] as const)(
    '%s: live replicas never diverge, even with concurrent transactions and failovers',
    (format) => {
      fc.assert(
        fc.property(
          randomRunArb({ mode: 'async', leaderFaults: true, maxLeaderFaults: 2 }),
          fc.array(statementArb({ sleeps: true, deletes: true }), { maxLength: 15 }),
          (run, statements) => {
            const { scenario, seed } = withStatements(run, statements, settings(format));
            const sim = settled(scenario, seed);
            expect(converged(sim), `seed ${seed}`).toBe(true);
            expect(divergences(sim), `seed ${seed}`).toBe(0);
          },
        ),
        runs,
      );
    },
  );

  it('statement-based with NOW() and RAND(): the checker finds divergence', () => {
    fc.assert(
      fc.property(
        randomRunArb({ mode: 'async', leaderFaults: false, maxLeaderFaults: 0 }),
        fc.array(statementArb({ sleeps: false, deletes: false }), { maxLength: 10 }),
        (run, statements) => {
          const { scenario, seed } = withStatements(run, statements, settings('statement'));
          const sim = settled(scenario, seed);
          // Only a statement the leader took can diverge anywhere: its request may be lost on
          // the way (a dropped message, a partition), and then there is nothing to compare.
          fc.pre(nondeterministicInsertAcknowledged(sim));
          expect(divergences(sim), `seed ${seed}`).toBeGreaterThan(0);
        },
      ),
      runs,
    );
  });

  it('statement-based with substituted values: live replicas never diverge', () => {
    fc.assert(
      fc.property(
        randomRunArb({ mode: 'async', leaderFaults: true, maxLeaderFaults: 2 }),
        fc.array(statementArb({ sleeps: false, deletes: true }), { maxLength: 15 }),
        (run, statements) => {
          const { scenario, seed } = withStatements(run, statements, settings('statement', true));
          const sim = settled(scenario, seed);
          expect(divergences(sim), `seed ${seed}`).toBe(0);
          expect(converged(sim), `seed ${seed}`).toBe(true);
        },
      ),
      runs,
    );
  });
});
