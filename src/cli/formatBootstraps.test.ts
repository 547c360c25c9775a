import { describe, expect, it } from 'vitest';
import { runCli } from './cli';

describe('the Bootstraps section of the readable report', () => {
  it('lists each added follower with its method and cost', () => {
    const { code, stdout } = runCli(['bootstrap-snapshot-vs-full-log', '--seed', '2']);
    expect(code).toBe(0);
    const section = stdout.slice(stdout.indexOf('Bootstraps (2)'));
    expect(section).toMatch(/\n {2}n3 +snapshot +\d+ +\d+ +\d+ ms/);
    expect(section).toMatch(/\n {2}n4 +full-log +\d+ +\d+ +\d+ ms/);
  });

  it('is left out when no follower joined', () => {
    const { stdout } = runCli(['sync-vs-async', '--seed', '2']);
    expect(stdout).not.toContain('Bootstraps');
  });
});
