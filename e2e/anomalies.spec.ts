import { expect, test } from './test';

test('switching a cure on makes the anomalies it cures go away', async ({ page }) => {
  await page.goto('/?scenario=read-your-writes&seed=1');
  const panel = page.getByRole('region', { name: 'Anomalies' });
  const count = panel.getByRole('status');
  await expect(count).toHaveText('No anomalies so far');

  // Run to the end: the user's own comment vanishes on reload.
  await page.getByRole('slider', { name: 'Time' }).fill('2500');
  await expect(count).toHaveText(/^[1-9]\d* anomal(y|ies) so far$/);
  const list = panel.getByRole('list', { name: 'Anomalies found' });
  await expect(list).toContainText('read-your-writes');
  // A finding picks out its operations and opens the client it happened to.
  const finding = list.getByRole('button').first();
  await finding.click();
  await expect(finding).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: /^Client / })).toBeVisible();

  await panel
    .getByRole('combobox', { name: 'Read-your-writes cure' })
    .selectOption('wait-for-position');
  await expect(count).toHaveText('No anomalies so far');
  // Same moment of the run, now with the cure on.
  await expect(page.getByRole('slider', { name: 'Time' })).toHaveValue('2500');

  await panel.getByRole('combobox', { name: 'Read-your-writes cure' }).selectOption('off');
  await expect(count).toHaveText(/^[1-9]\d* anomal(y|ies) so far$/);
});
