import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allBuiltinScenarios, findBuiltin } from '../scenarios/builtin';
import { parseCliArgs } from './args';
import { runCli } from './cli';
import { colorEnabled, printable } from './style';

const dir = mkdtempSync(join(tmpdir(), 'replica-lab-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write `content` as JSON into the temp directory; returns its path. */
function scenarioFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content, null, 2));
  return path;
}

function builtinCopy(id: string): Record<string, unknown> {
  return structuredClone(findBuiltin(id)) as unknown as Record<string, unknown>;
}

describe('--list', () => {
  it('lists every built-in, one a line, id first', () => {
    const { code, stdout } = runCli(['--list']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(allBuiltinScenarios.length);
    allBuiltinScenarios.forEach((s, i) => {
      expect(lines[i]?.startsWith(`${s.id} `)).toBe(true);
      expect(lines[i]).toContain(`${s.title} — ${s.summary}`);
    });
  });
});

describe('running a leaderless scenario', () => {
  it('--json reports the leaderless outcome: copies, hints, LWW discards, repairs', () => {
    const result = runCli(['lww-clock-skew', '--seed', '3', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report.protocol).toBe('leaderless');
    for (const key of ['replicas', 'preferenceLists', 'lwwDiscarded', 'history', 'expectations'])
      expect(report).toHaveProperty(key);
    expect(report.metrics).toMatchObject({ lwwDiscardedWrites: 1, converged: true });
  });

  it('prints each node’s copies and the discarded write in text', () => {
    const { code, stdout } = runCli(['lww-clock-skew']);
    expect(code).toBe(0);
    expect(stdout).toContain('Copies');
    expect(stdout).toMatch(/Discarded by last-write-wins \(1\)/);
    expect(stdout).toContain('written later, lost to a skewed clock');
  });

  it('rejects an impossible quorum naming the field', () => {
    const path = scenarioFile('bad-quorum.json', {
      id: 'bad',
      protocol: 'leaderless',
      title: 't',
      summary: 's',
      durationMs: 100,
      cluster: { nodes: ['n1', 'n2'], n: 2, w: 3 },
    });
    const result = runCli([path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cluster.w: a write cannot wait for 3 acknowledgements');
  });
});

describe('running a scenario', () => {
  const id = 'sync-vs-async';
  const json = (seed: number) => {
    const result = runCli([id, '--seed', String(seed), '--json']);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };

  it('--json prints the report with the required keys', () => {
    const report = json(1);
    for (const key of [
      'scenario',
      'seed',
      'traceHash',
      'replicas',
      'history',
      'messages',
      'lostWrites',
    ]) {
      expect(report).toHaveProperty(key);
    }
    expect(report.scenario).toBe(id);
    expect(report.seed).toBe(1);
  });

  it('--json lists the anomalies the checker found, each naming its operations', () => {
    const report = json(1);
    const anomalies = report.anomalies as Array<{
      kind: string;
      ops: number[];
      explanation: string;
    }>;
    const history = report.history as Array<{ opId: number }>;
    expect(anomalies.map((a) => a.kind)).toEqual(['stale-read', 'stale-read']);
    for (const a of anomalies) {
      expect(a.ops.length).toBeGreaterThan(0);
      for (const op of a.ops) {
        expect(history.some((h) => h.opId === op)).toBe(true);
        expect(a.explanation).toContain(`op ${op}`);
      }
    }
  });

  it('is deterministic per seed: same seed, same trace hash; another seed, another hash', () => {
    expect(json(7).traceHash).toBe(json(7).traceHash);
    expect(json(7).traceHash).not.toBe(json(8).traceHash);
  });

  it('defaults to the scenario’s own seed', () => {
    const report = JSON.parse(runCli([id, '--json']).stdout) as { seed: number };
    expect(report.seed).toBe(findBuiltin(id)?.seed);
  });

  it('prints a plain-text report without colour when colour is off', () => {
    const { code, stdout } = runCli(['failover-loses-async-writes', '--seed', '1']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).toMatch(/^failover-loses-async-writes — /);
    expect(stdout).toMatch(/trace hash [0-9a-f]{8}/);
    for (const section of [
      'Replicas',
      'Messages',
      'History',
      'Lost acknowledged writes',
      'Failovers',
      'Metrics',
      'Expectations',
    ]) {
      expect(stdout).toContain(section);
    }
    expect(stdout).toMatch(/✓ +lostWrites/);
  });

  it('colours only when asked', () => {
    expect(runCli([id], { color: true }).stdout).toContain('\u001b[');
  });

  it('runs a scenario file, resolved against cwd', () => {
    scenarioFile('copy.json', builtinCopy(id));
    const fromFile = JSON.parse(runCli(['copy.json', '--json'], { cwd: dir }).stdout);
    const builtin = JSON.parse(runCli([id, '--json']).stdout);
    expect(fromFile.traceHash).toBe(builtin.traceHash);
  });
});

describe('bad input', () => {
  it('an invalid scenario file: exit 2, each error naming its field', () => {
    const s = builtinCopy('sync-vs-async');
    s.cluster = { ...(s.cluster as object), leader: 'nobody' };
    const path = scenarioFile('bad-leader.json', s);
    const result = runCli([path]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`invalid scenario ${path}:`);
    expect(result.stderr).toMatch(/\n {2}cluster\.leader: "nobody" is not one of cluster\.nodes/);

    const typed = builtinCopy('sync-vs-async');
    typed.durationMs = 'long';
    const typedResult = runCli([scenarioFile('bad-type.json', typed)]);
    expect(typedResult.code).toBe(2);
    expect(typedResult.stderr).toMatch(/\n {2}durationMs: /);
  });

  it('a file that is not JSON: exit 2', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ "id": ');
    const result = runCli([path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not valid JSON');
  });

  it('an unknown id: exit 2, pointing at --list', () => {
    const result = runCli(['no-such-scenario']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'unknown scenario no-such-scenario: not a file and not a built-in id (see --list)',
    );
  });

  it('bad usage: exit 2 with the usage text', () => {
    for (const argv of [
      [],
      ['--bogus'],
      ['a', 'b'],
      ['x', '--seed', 'soon'],
      ['--seeds', '3', 'x'],
      ['--list', 'x'],
    ]) {
      const result = runCli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage:');
    }
  });

  it('--help: exit 0 with the usage text on stdout', () => {
    const result = runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage:');
  });
});

describe('--verify', () => {
  it('passes a built-in over a few seeds', () => {
    const result = runCli(['--verify', '--seeds', '3', 'sync-vs-async']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✓ sync-vs-async {2}\(3 seeds\)$/m);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('verify: 1 passed, 0 failed');
  });

  it('fails, naming the seed, when an expectation cannot hold', () => {
    const s = builtinCopy('sync-vs-async');
    s.id = 'impossible';
    s.expect = { lostWrites: 99 };
    const path = scenarioFile('impossible.json', s);
    const result = runCli(['--verify', '--seeds', '2', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ impossible seed 1: lostWrites expected 99, got 0');
    expect(result.stdout).toContain('✗ impossible seed 2: lostWrites expected 99, got 0');
    expect(result.stdout).toContain(`reproduce: npm run sim -- ${path} --seed 1`);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('verify: 0 passed, 1 failed');
  });

  it('calls out a metric name the report does not have', () => {
    const s = builtinCopy('sync-vs-async');
    s.expect = { lostWritez: 0 };
    const result = runCli(['--verify', '--seeds', '1', scenarioFile('typo.json', s)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('lostWritez expected 0, got no such metric');
  });

  it('checks promised anomalies by kind', () => {
    const s = builtinCopy('sync-vs-async');
    s.id = 'no-stale-reads';
    s.expect = { anomalies: { 'stale-read': 0, 'lost-write': 0 } };
    const result = runCli(['--verify', '--seeds', '1', scenarioFile('no-stale.json', s)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '✗ no-stale-reads seed 1: anomalies.stale-read expected 0, got 2',
    );
    expect(result.stdout).not.toContain('anomalies.lost-write');
  });

  it('rejects an anomaly kind it does not know, naming the field', () => {
    const s = builtinCopy('sync-vs-async');
    s.expect = { anomalies: { 'read-my-writes': 0 } };
    const result = runCli(['--verify', scenarioFile('bad-kind.json', s)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expect.anomalies');
  });

  it('refuses to start when any named scenario is invalid', () => {
    const result = runCli(['--verify', 'sync-vs-async', 'no-such-scenario']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });
});

describe('--cdc', () => {
  it("prints the leader's committed row changes as JSON lines, in commit order", () => {
    const { code, stdout } = runCli(['logical-autoincrement-order', '--cdc']);
    expect(code).toBe(0);
    const events = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.map((e) => [e.pos, e.op, e.table, e.id])).toEqual([
      [1, 'insert', 'orders', 2],
      [2, 'insert', 'orders', 1],
      [3, 'update', 'orders', 1],
    ]);
  });

  it('prints nothing for a statement-based log, and refuses a leaderless scenario', () => {
    expect(runCli(['statement-autoincrement-order', '--cdc'])).toMatchObject({
      code: 0,
      stdout: '',
    });
    expect(runCli(['quorum-read-repair', '--cdc']).code).toBe(2);
  });
});

describe('argument parsing', () => {
  it('types each command', () => {
    expect(parseCliArgs(['--list'])).toEqual({ ok: true, command: { kind: 'list' } });
    expect(parseCliArgs(['x.json', '--seed=5', '--json'])).toEqual({
      ok: true,
      command: { kind: 'run', target: 'x.json', seed: 5, json: true, cdc: false },
    });
    expect(parseCliArgs(['x.json', '--cdc'])).toEqual({
      ok: true,
      command: { kind: 'run', target: 'x.json', seed: undefined, json: false, cdc: true },
    });
    expect(parseCliArgs(['x.json', '--cdc', '--json'])).toEqual({
      ok: false,
      error: '--cdc and --json cannot be combined',
    });
    expect(parseCliArgs(['x.json', '--verify', '--seeds', '50'])).toEqual({
      ok: true,
      command: { kind: 'verify', targets: ['x.json'], seeds: 50 },
    });
    expect(parseCliArgs(['--verify'])).toEqual({
      ok: true,
      command: { kind: 'verify', targets: [], seeds: 20 },
    });
  });

  it('rejects seeds that are not whole numbers', () => {
    for (const seed of ['-1', '1.5', '1e3', ''])
      expect(parseCliArgs(['x', '--seed', seed]).ok).toBe(false);
    expect(parseCliArgs(['--verify', '--seeds', '0']).ok).toBe(false);
  });
});

describe('terminal hygiene', () => {
  it('colours only a TTY without NO_COLOR', () => {
    expect(colorEnabled(true, {})).toBe(true);
    expect(colorEnabled(false, {})).toBe(false);
    expect(colorEnabled(undefined, {})).toBe(false);
    expect(colorEnabled(true, { NO_COLOR: '1' })).toBe(false);
  });

  it('never prints control characters from a scenario raw', () => {
    expect(printable('evil\u001b[2Jtitle')).toBe('evil\\u{1b}[2Jtitle');
  });
});
