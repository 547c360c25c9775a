import { expect, test } from './test';

test('a person compares two configurations in the guarantee table and opens a violating run', async ({
  page,
}) => {
  test.slow();
  await page.goto('/');
  await page.getByRole('button', { name: 'Guarantee table' }).click();
  const dialog = page.getByRole('dialog', { name: 'Guarantee table' });

  // A bad seed count is refused, naming the field, and the typed text stays.
  await dialog.getByRole('textbox', { name: 'Seeds' }).fill('0');
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Seeds: a whole number from 1 to 200 (got "0")',
  );
  await expect(dialog.getByRole('textbox', { name: 'Seeds' })).toHaveValue('0');

  await dialog
    .getByRole('combobox', { name: 'Configuration A' })
    .selectOption('guarantees-leader-sync');
  await dialog
    .getByRole('combobox', { name: 'Configuration B' })
    .selectOption('guarantees-async-followers');
  await dialog.getByRole('textbox', { name: 'Seeds' }).fill('4');
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Done: 8 runs', { timeout: 120_000 });

  // Known results: reading from the leader with synchronous followers is linearizable; reading
  // from asynchronous followers is not.
  const row = dialog.getByRole('row', { name: /^Linearizable/ });
  const cells = row.getByRole('cell');
  await expect(cells.nth(0)).toHaveText('held in all 4 runs');
  await expect(cells.nth(1)).toHaveText(/^violated in [1-4] of 4 \(seed \d\) open seed \d/);

  // Its link opens the smallest violating run in the visualizer.
  const link = cells.nth(1).getByRole('link');
  const seed = /open seed (\d)/.exec((await link.textContent()) ?? '')?.[1];
  await link.click();
  await expect(page).toHaveURL(new RegExp(`\\?scenario=guarantees-async-followers&seed=${seed}$`));
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(
    'guarantees-async-followers',
  );

  // At the end of that run the search finds the operations no single copy could explain, and
  // pressing the violation outlines them in the diagrams.
  const scrubber = page.getByRole('slider', { name: 'Time' });
  await scrubber.fill((await scrubber.getAttribute('max')) ?? '0');
  const anomalies = page.getByRole('region', { name: 'Anomalies' });
  await anomalies.getByRole('button', { name: 'Check linearizability' }).click();
  await expect(anomalies.getByText(/^Not linearizable/)).toBeVisible();
  const violation = anomalies
    .getByRole('list', { name: 'Linearizability violations' })
    .getByRole('button')
    .first();
  await violation.click();
  await expect(violation).toHaveAttribute('aria-pressed', 'true');
});
