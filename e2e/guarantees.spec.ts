import { execFileSync } from 'node:child_process';
import { expect, test } from './test';

/** Run the headless guarantee table and return its text. */
function guaranteeTable(...args: string[]): string {
  return execFileSync('npx', ['tsx', 'src/cli/main.ts', '--guarantees', ...args], {
    encoding: 'utf8',
  });
}

function traceHash(scenario: string, seed: number): string {
  const out = execFileSync(
    'npx',
    ['tsx', 'src/cli/main.ts', scenario, '--seed', String(seed), '--json'],
    { encoding: 'utf8' },
  );
  return (JSON.parse(out) as { traceHash: string }).traceHash;
}

test('the link the guarantee table gives opens the violating run, faults and all', async ({
  page,
}) => {
  const table = guaranteeTable('--seeds', '4', 'guarantees-async-followers');
  // "Read your writes, seed S: <one sentence>" then "… (in the app: ?scenario=…&seed=S)".
  const found = /Read your writes, seed (\d+): (.*)\n.*\(in the app: (\?scenario=[^)]+)\)/.exec(
    table,
  );
  expect(found, table).not.toBeNull();
  const [, seed, explanation, link] = found as unknown as [string, string, string, string];
  expect(link).toBe(`?scenario=guarantees-async-followers&seed=${seed}`);

  await page.goto(`/${link}`);
  const scrubber = page.getByRole('slider', { name: 'Time' });
  await scrubber.fill(await scrubber.getAttribute('max').then((max) => max ?? '0'));
  // The same run as in Node (its random faults included) ...
  await expect(page.getByTitle(/^Trace hash/)).toHaveText(
    `trace ${traceHash('guarantees-async-followers', Number(seed))}`,
  );
  // ... and the live checker finds the very violation the table named.
  const list = page
    .getByRole('region', { name: 'Anomalies' })
    .getByRole('list', { name: 'Anomalies found' });
  await expect(list).toContainText(explanation);
});
