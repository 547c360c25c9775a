import { expect, test } from './test';

test('app loads with its heading and no console errors', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Replica Lab', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});
