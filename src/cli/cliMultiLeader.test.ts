import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli';

const dir = mkdtempSync(join(tmpdir(), 'sim-ml-'));

describe('running a multi-leader scenario', () => {
  it('--json reports nodes, conflicts and discarded writes', () => {
    const result = runCli(['ml-inter-dc-partition', '--seed', '4', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      protocol: string;
      conflicts: { key: string; writes: { value: unknown }[]; result: unknown }[];
      discarded: { loser: { value: unknown }; winner: { value: unknown }; acknowledged: boolean }[];
    };
    expect(report.protocol).toBe('multi-leader');
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]?.writes.map((w) => w.value).sort()).toEqual(['Boston', 'Paris']);
    // The winner is what the conflict resolved to; the loser is the other write, acknowledged.
    const [lost] = report.discarded;
    expect(lost?.acknowledged).toBe(true);
    expect(report.conflicts[0]?.result).toBe(lost?.winner.value);
    expect(lost?.loser.value).not.toBe(lost?.winner.value);
  });

  it('runs the consistency checker: the overtaken insert leaves leaders diverged, the cure none', () => {
    const anomalies = (id: string) => {
      const result = runCli([id, '--json']);
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as {
        anomalies: { kind: string; explanation: string }[];
      };
      return report.anomalies;
    };
    const diverged = anomalies('ml-update-overtakes-insert').filter((f) => f.kind === 'divergence');
    expect(diverged).toHaveLength(1);
    expect(diverged[0]?.explanation).toMatch(/disagree on x/);
    // Cured, nothing is wrong: the update knowingly rewrote the insert, which is no lost write.
    expect(anomalies('ml-update-overtakes-insert-cured')).toEqual([]);
    // The text report has the section too, naming what it found.
    expect(runCli(['ml-update-overtakes-insert']).stdout).toMatch(/Anomalies \(1\): .*divergence/);
  });

  it('prints nodes, the conflict and the discarded write in text', () => {
    const { code, stdout } = runCli(['ml-wiki-title-lww']);
    expect(code).toBe(0);
    expect(stdout).toContain('Nodes');
    expect(stdout).toMatch(/Conflicts \(1\)/);
    expect(stdout).toMatch(/Discarded writes \(1\)/);
    expect(stdout).toContain('written later, lost to lww');
  });

  it('verifies the multi-leader built-ins', () => {
    const { code, stdout } = runCli([
      '--verify',
      'ml-crdt-set',
      'ml-ring-node-fails',
      '--seeds',
      '3',
    ]);
    expect(stdout).toContain('verify: 2 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('rejects a topology over a follower, naming the field', () => {
    const path = join(dir, 'bad-ring.json');
    writeFileSync(
      path,
      JSON.stringify({
        id: 'bad',
        protocol: 'multi-leader',
        title: 't',
        summary: 's',
        durationMs: 100,
        cluster: {
          datacenters: [{ id: 'a', leader: 'a1', followers: ['a2'] }],
          topology: { circular: ['a1', 'a2'] },
        },
      }),
    );
    const result = runCli([path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cluster.topology.circular[1]: "a2" is not a leader');
  });
});
