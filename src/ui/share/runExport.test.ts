import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli';
import { createReplicaStore } from '../../store/store';
import { runFileName, runFileText } from './runExport';

describe('an exported run', () => {
  it('`npm run sim -- FILE` replays it with its seed and inputs to the trace the app shows', () => {
    const store = createReplicaStore('failover-loses-async-writes', 9);
    store.getState().seek(400);
    store.getState().inject({ type: 'crash', node: 'n3' });
    store.getState().seek(store.getState().view.durationMs);
    const state = store.getState();
    const dir = mkdtempSync(join(tmpdir(), 'replica-run-'));
    const file = join(dir, runFileName(state));
    writeFileSync(file, runFileText(state));

    const result = runCli([file, '--json']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { seed: number; traceHash: string };
    expect(report.seed).toBe(9);
    expect(report.traceHash).toBe(state.view.traceHash);

    // Without the user's crash, the same scenario and seed give another run.
    const plain = JSON.parse(
      runCli(['failover-loses-async-writes', '--seed', '9', '--json']).stdout,
    );
    expect(plain.traceHash).not.toBe(state.view.traceHash);
  });
});
