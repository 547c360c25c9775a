import { expect, test } from './test';

test.describe('the client as quorum coordinator', () => {
  test('a person makes the client coordinate, and sees it fan out and repair a replica itself', async ({
    page,
  }) => {
    await page.goto('/');
    await page
      .getByRole('combobox', { name: 'Scenario' })
      .selectOption({ label: 'A write while a replica is down, then read repair' });
    const quorum = page.getByRole('region', { name: 'Quorum', exact: true });
    const coordinator = quorum.getByRole('combobox', { name: 'Coordinator' });
    await expect(coordinator).toHaveAttribute('title', /or the client itself/);
    await coordinator.selectOption({ label: 'the client itself' });
    await quorum.getByRole('button', { name: 'Apply quorum settings' }).click();
    await expect(quorum.getByRole('alert')).toHaveCount(0);
    await expect(quorum).toContainText('coordinator = client (scenario: preferred)');

    // The write at 500 ms: the client itself sends it to the replicas.
    const slider = page.getByRole('slider', { name: 'Time' });
    await slider.fill('505');
    await page.getByRole('button', { name: /^n1, replica,/ }).click();
    const n1 = page.getByRole('region', { name: 'Node n1' });
    const n1Wire = n1.getByRole('list', { name: 'Messages on the wire to and from n1' });
    await expect(n1Wire.getByRole('button', { name: /^put user-1234 → n1/ })).toBeVisible();

    // The read at 1500 ms: once n3's stale copy reaches the client, the client repairs n3.
    await slider.fill('1500');
    await page.getByRole('button', { name: /^n3, replica,/ }).click();
    const n3 = page.getByRole('region', { name: 'Node n3' });
    const wire = n3.getByRole('list', { name: 'Messages on the wire to and from n3' });
    const repair = wire.getByRole('button', { name: /^read-repair user-2345 → n3/ });
    for (let i = 0; i < 60 && (await repair.count()) === 0; i++) {
      await page.getByRole('button', { name: 'Step forward' }).click();
    }
    await expect(repair).toBeVisible();
  });

  test('the built-in scenario narrates the client-coordinated quorum', async ({ page }) => {
    await page.goto('/');
    await page
      .getByRole('combobox', { name: 'Scenario' })
      .selectOption({ label: 'The client as coordinator' });
    await page.getByRole('slider', { name: 'Time' }).fill('110');
    await expect(page.getByRole('heading', { name: 'Same moment, one hop less' })).toBeVisible();
    // user-1234's own puts are on the wire beside the coordinator node's.
    await page.getByRole('button', { name: /^n2, replica,/ }).click();
    const wire = page
      .getByRole('region', { name: 'Node n2' })
      .getByRole('list', { name: 'Messages on the wire to and from n2' });
    await expect(wire.getByRole('button', { name: /^put user-1234 → n2/ })).toBeVisible();
  });
});
