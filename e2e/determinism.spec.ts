import { execFileSync } from 'node:child_process';
import { expect, test } from './test';

/** The headless runner's trace hash for a scenario and seed, run in Node. */
function nodeTraceHash(scenario: string, seed: number): string {
  const out = execFileSync(
    'npx',
    ['tsx', 'src/cli/main.ts', scenario, '--seed', String(seed), '--json'],
    {
      encoding: 'utf8',
    },
  );
  return (JSON.parse(out) as { traceHash: string }).traceHash;
}

test('the browser replays a run bit for bit like Node: same trace hash at the end', async ({
  page,
}) => {
  const expected = nodeTraceHash('failover-loses-async-writes', 7);
  await page.goto('/?scenario=failover-loses-async-writes&seed=7');
  const scrubber = page.getByRole('slider', { name: 'Time' });
  await scrubber.fill(await scrubber.getAttribute('max').then((max) => max ?? '0'));
  await expect(page.getByTitle(/^Trace hash/)).toHaveText(`trace ${expected}`);
  // Seeking back and forth again lands on the same run.
  await scrubber.fill('1234');
  await scrubber.fill(await scrubber.getAttribute('max').then((max) => max ?? '0'));
  await expect(page.getByTitle(/^Trace hash/)).toHaveText(`trace ${expected}`);
});
