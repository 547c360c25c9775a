import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args';
import { runCli } from './cli';

describe('--guarantees', () => {
  it('parses with targets and --seeds, and refuses to mix with --verify or --seed', () => {
    expect(parseCliArgs(['--guarantees', '--seeds', '5', 'a.json', 'b'])).toEqual({
      ok: true,
      command: { kind: 'guarantees', targets: ['a.json', 'b'], seeds: 5 },
    });
    expect(parseCliArgs(['--guarantees', '--verify'])).toEqual({
      ok: false,
      error: '--verify and --guarantees cannot be combined',
    });
    expect(parseCliArgs(['--guarantees', '--seed', '3']).ok).toBe(false);
    expect(parseCliArgs(['x', '--seeds', '3'])).toEqual({
      ok: false,
      error: '--seeds only applies to --verify and --guarantees',
    });
  });

  it('prints one row per guarantee for one scenario, with the run that reproduces a violation', () => {
    const { code, stdout } = runCli(['--guarantees', '--seeds', '2', 'guarantees-async-followers']);
    expect(code).toBe(0);
    expect(stdout).toContain('Guarantees of guarantees-async-followers, seeds 1..2');
    expect(stdout).toMatch(/Read your writes\s+violated in [12] of 2 \(seed 1\)/);
    expect(stdout).toMatch(/No lost writes\s+held in all 2 runs/);
    expect(stdout).toContain(
      'npm run sim -- guarantees-async-followers --seed 1   (in the app: ?scenario=guarantees-async-followers&seed=1)',
    );
  });

  it('compares several scenarios side by side', () => {
    const { code, stdout } = runCli([
      '--guarantees',
      '--seeds',
      '2',
      'guarantees-leader-sync',
      'small-quorum-stale-read',
    ]);
    expect(code).toBe(0);
    const rows = stdout.split('\n');
    const leader = rows.find((l) => l.trim().startsWith('guarantees-leader-sync')) ?? '';
    expect(leader.trim().split(/\s+/).slice(1)).toEqual(Array(10).fill('held'));
    const quorum = rows.find((l) => l.trim().startsWith('small-quorum-stale-read')) ?? '';
    expect(quorum).toContain('2/2 s1');
  });

  it('names a file it cannot load before running anything', () => {
    const result = runCli(['--guarantees', 'guarantees-leader-sync', 'no-such-scenario']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown scenario no-such-scenario');
  });
});
