import { describe, expect, it } from 'vitest';
import { allBuiltinScenarios } from './builtin';
import { runAndReport } from './runAny';

const SEEDS = 20;

describe.each(allBuiltinScenarios.map((s) => [s.id, s] as const))(
  'built-in scenario %s',
  (_id, scenario) => {
    it(`keeps its promised outcomes over ${SEEDS} seeds`, () => {
      for (let seed = 1; seed <= SEEDS; seed++) {
        const report = runAndReport(scenario, seed);
        const failed = report.expectations.filter((e) => !e.ok);
        expect(failed, `seed ${seed}`).toEqual([]);
      }
    });

    it('states at least one outcome and narrates its steps in time order', () => {
      expect(Object.keys(scenario.expect).length).toBeGreaterThan(0);
      const times = scenario.narration.map((n) => n.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.every((t) => t <= scenario.durationMs)).toBe(true);
    });
  },
);
