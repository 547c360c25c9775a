/**
 * Refreshes docs/screenshot.png: the page mid-run at 1280x720. Not part of `npm test` (the
 * `.shot.ts` suffix keeps it out); run it with `npm run screenshot`.
 */
import { expect, test } from '@playwright/test';

test('screenshot of a run in progress', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // A scenario with a monitor, lagging followers and a stream of replication in flight.
  await page.goto('/?scenario=failover-loses-async-writes&seed=1');
  await page.getByRole('slider', { name: 'Speed' }).fill('6');
  await page.getByRole('button', { name: /^n2,/ }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(Number(process.env.SCREENSHOT_AFTER_MS ?? 1000));
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshot.png' });
});
