/**
 * Refreshes the documentation screenshots: the main screen mid-run (docs/screenshot.png, at
 * 1440x900) and the cluster view alone as a projector shows it (docs/screenshot-projector.png,
 * 1280x720, side panels and timeline hidden). Not part of `npm test` (the `.shot.ts` suffix keeps
 * it out); run it with `npm run screenshot`. Times are fixed, so the pictures are reproducible.
 */
import { expect, test } from '@playwright/test';

test('the main screen mid-run', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // A scenario with a monitor, lagging followers and a stream of replication in flight.
  await page.goto('/?scenario=failover-loses-async-writes&seed=1');
  await page.getByRole('slider', { name: 'Time' }).fill('1150');
  await page.getByRole('button', { name: /^n2,/ }).click();
  await expect(page.getByRole('region', { name: 'Node n2' })).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshot.png' });
});

test('the cluster view alone, as on a projector', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?scenario=failover-loses-async-writes&seed=1');
  await page.getByRole('button', { name: 'Hide panels' }).click();
  await page.getByRole('button', { name: /Timeline/ }).click();
  await page.getByRole('slider', { name: 'Time' }).fill('2600');
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshot-projector.png' });
  // Leave the stored layout as a first visit finds it.
  await page.getByRole('button', { name: 'Show panels' }).click();
});
