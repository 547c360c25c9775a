import { expect, test } from '@playwright/test';
import { collectErrors } from './consoleErrors';

test.describe('leaderless scenarios in the app', () => {
  let errors: string[] = [];
  test.beforeEach(({ page }) => {
    errors = collectErrors(page);
  });
  test.afterEach(() => {
    expect(errors).toEqual([]);
  });

  test('a person picks a leaderless scenario, plays it and inspects a replica’s copies and hints', async ({
    page,
  }) => {
    await page.goto('/');
    await page
      .getByRole('combobox', { name: 'Scenario' })
      .selectOption({ label: 'Hinted handoff after a partition heals' });
    // Every node is a peer replica, named by what it holds.
    await expect(page.getByRole('button', { name: /^n1, replica, up, 0 keys$/ })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Read from' })).toHaveCount(0);

    // Run into the partition: the write at 500 ms leaves a hint on a stand-in for n3.
    await page.getByRole('slider', { name: 'Time' }).fill('1000');
    const holder = page.getByRole('button', { name: /replica, up, 1 key, 1 hint held$/ });
    await expect(holder).toHaveCount(1);
    const name = (await holder.getAttribute('aria-label')) ?? '';
    const id = name.split(',')[0] ?? '';
    await holder.click();
    const inspector = page.getByRole('region', { name: `Node ${id}` });
    await expect(inspector.getByRole('row', { name: /counter/ })).toContainText('v2');
    await expect(inspector.getByRole('list', { name: `Hints held by ${id}` })).toContainText(
      'counter for n3',
    );

    // After the heal the hint is handed home and dropped.
    await page.getByRole('slider', { name: 'Time' }).fill('2400');
    await expect(page.getByRole('button', { name: /hint held/ })).toHaveCount(0);
    await expect(inspector.getByText('No hints held.')).toBeVisible();
  });
});
