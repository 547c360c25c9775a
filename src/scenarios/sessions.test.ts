import { describe, expect, it } from 'vitest';
import { checkHistory, countByKind } from '../checker';
import { clientRuntime } from '../engine/endpoints';
import { historyOps } from '../engine/historyLog';
import { checkpoint, restore, runUntil } from '../engine/simulation';
import { runAnomalies } from './anomalies';
import { findBuiltin } from './builtin';
import { runScenario, startScenario } from './run';
import type { Scenario } from './schema';
import { parseScenario } from './validate';

const cured = findBuiltin('read-your-writes-cured') as Scenario;

describe('a user’s devices sharing session metadata', () => {
  it('without sharing, the cure protects only the device that wrote', () => {
    const parsed = parseScenario({
      ...cured,
      cures: { ...cured.cures, shareAcrossDevices: false },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const findings = runAnomalies(parsed.scenario, runScenario(parsed.scenario, 1));
    const ryw = findings.filter((f) => f.kind === 'read-your-writes');
    expect(ryw).toHaveLength(1);
    expect(ryw[0]?.explanation).toContain('user-1234@phone read');
  });

  it('keeps sharing across a checkpoint and restore (time travel)', () => {
    const sim = startScenario(cured, 1);
    runUntil(sim, 150);
    const saved = checkpoint(sim);
    runUntil(sim, cured.durationMs);
    const straight = checkHistory(historyOps(sim.logs.history));
    restore(sim, saved);
    expect(clientRuntime(sim, 'user-1234@phone')?.state.session).toBe(
      clientRuntime(sim, 'user-1234@laptop')?.state.session,
    );
    runUntil(sim, cured.durationMs);
    expect(checkHistory(historyOps(sim.logs.history))).toEqual(straight);
    expect(countByKind(straight)['read-your-writes']).toBe(0);
  });
});
