import { expect, test } from './test';

test.describe('leaderless scenarios in the app', () => {
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
    const holder = page.getByRole('button', { name: /replica, up, 1 key, 1 hint held for n3$/ });
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

  test('the shopping cart reads like figure 5-13: versions, what overwrote what, siblings', async ({
    page,
  }) => {
    await page.goto('/');
    await page
      .getByRole('combobox', { name: 'Scenario' })
      .selectOption({ label: 'Two clients edit a shopping cart: version numbers and siblings' });
    await page.getByRole('slider', { name: 'Time' }).fill('1500');
    await page.getByRole('button', { name: /^client-2, client/ }).click();
    const versions = page.getByRole('list', { name: 'Versions of cart' });
    await expect(versions.getByRole('listitem')).toHaveCount(5);
    await expect(versions.getByRole('listitem').nth(2)).toHaveText(
      'db:3 client-1 wrote flour: overwrites db:1; concurrent with db:2, db:4',
    );
    await expect(versions.getByRole('listitem').nth(4)).toHaveText(
      'db:5 client-1 wrote bacon: overwrites db:2, db:3; concurrent with db:4; a sibling now: [bacon, eggs, flour, milk]',
    );
    // The read returns both siblings; the history says so in words, not in JSON.
    await expect(
      page
        .getByRole('region', { name: 'Client client-2' })
        .getByRole('button', { name: /^ok read cart → / }),
    ).toHaveText('ok read cart → [bacon, eggs, flour, milk] | [eggs, ham, milk] (db)');
  });

  test('the Anomalies panel names the write last-write-wins silently discarded', async ({
    page,
  }) => {
    await page.goto('/');
    await page
      .getByRole('combobox', { name: 'Scenario' })
      .selectOption({ label: 'Last write wins, decided by a skewed clock' });
    const anomalies = page.getByRole('region', { name: 'Anomalies' });
    await expect(anomalies.getByRole('status')).toHaveText('No anomalies so far');
    await page.getByRole('slider', { name: 'Time' }).fill('2000');
    await expect(anomalies.getByRole('status')).toHaveText('1 anomaly so far');
    const finding = anomalies.getByRole('button', { name: /^lost-write / });
    await expect(finding).toContainText('silently discarded by last-write-wins');
    await finding.click();
    // The losing write's client opens, and its versions show the loss.
    await expect(
      page.getByRole('list', { name: 'Versions of page.123.title' }).getByRole('listitem'),
    ).toContainText(['discarded by last write wins']);
  });
});
