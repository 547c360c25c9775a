import { describe, expect, it } from 'vitest';
import { findBuiltin } from './builtin';
import { compileScenario } from './compile';
import { randomFaultInputs } from './randomFaults';
import type { ScenarioInput } from './schema';
import { parseScenario } from './validate';

const base: ScenarioInput = {
  id: 'faulty',
  title: 'faulty',
  summary: 'faulty',
  durationMs: 5000,
  cluster: { nodes: ['n1', 'n2', 'n3'], leader: 'n1', monitor: null },
  network: {
    latency: { baseMs: 5, jitterMs: 10 },
    links: [{ from: 'n1', to: 'n3', latency: { baseMs: 70 } }],
  },
  randomFaults: { nodes: ['n2', 'n3'], fromMs: 500, toMs: 3000, lagSpikes: 3, crashes: 2 },
};

function parsed(input: ScenarioInput) {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

describe('faults drawn from the seed', () => {
  it('draws the same faults for the same seed and others for another, inside the window', () => {
    const s = parsed(base);
    const one = randomFaultInputs(s, 7);
    expect(randomFaultInputs(s, 7)).toEqual(one);
    expect(randomFaultInputs(s, 8)).not.toEqual(one);
    const crashes = one.filter((i) => i.type === 'crash');
    const restarts = one.filter((i) => i.type === 'restart');
    expect([crashes.length, restarts.length]).toEqual([2, 2]);
    for (const c of crashes) {
      expect(c.at).toBeGreaterThanOrEqual(500);
      expect(c.at).toBeLessThan(3000);
      expect(['n2', 'n3']).toContain((c as { node: string }).node);
    }
    // Three spikes, each slowing the links into one node from the two others, then restoring them.
    expect(one.filter((i) => i.type === 'set-link')).toHaveLength(3 * 2 * 2);
  });

  it("ends a lag spike by giving the link its own latency back (the scenario's override)", () => {
    const s = parsed({ ...base, randomFaults: { nodes: ['n3'], toMs: 3000, lagSpikes: 1 } });
    const fromN1 = randomFaultInputs(s, 1).filter(
      (i) => i.type === 'set-link' && i.from === 'n1',
    ) as Array<{ at: number; latency: { baseMs: number } }>;
    expect(fromN1).toHaveLength(2);
    const [slow, back] = fromN1 as [(typeof fromN1)[0], (typeof fromN1)[0]];
    expect(slow.latency.baseMs).toBeGreaterThanOrEqual(170);
    // Writing a link's latency sets its jitter to 0 unless given (docs/scenarios.md).
    expect(back.latency).toEqual({ baseMs: 70, jitterMs: 0, distribution: 'uniform' });
    expect(back.at).toBeGreaterThan(slow.at);
  });

  it('is part of the compiled run, so the app and the CLI draw the same faults', () => {
    const s = parsed(base);
    const inputs = compileScenario(s, 3).inputs;
    for (const fault of randomFaultInputs(s, 3)) expect(inputs).toContainEqual(fault);
  });

  it('names the field of a bad setting', () => {
    const bad = parseScenario({
      ...base,
      randomFaults: { nodes: ['n9'], fromMs: 3000, toMs: 2000, lagSpikes: 1 },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors).toContain('randomFaults.nodes[0]: "n9" is not a node of the cluster');
    expect(bad.errors).toContain('randomFaults.toMs: must be after randomFaults.fromMs');
    const late = parseScenario({ ...base, randomFaults: { nodes: ['n2'], toMs: 4500 } });
    expect(late.ok ? [] : late.errors).toEqual([
      'randomFaults.toMs: faults may last until toMs + maxFaultMs = 5300 ms, after the end (durationMs 5000)',
    ]);
  });

  it('drives the guarantee presets', () => {
    expect(findBuiltin('guarantees-leader-sync')?.randomFaults?.crashes).toBe(1);
  });
});
