import { expect, test } from '@playwright/test';

test('app loads with its heading and no console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Replica Lab' })).toBeVisible();
  expect(errors).toEqual([]);
});
