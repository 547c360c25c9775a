import { nodeButton, readout } from './app';
import { expect, test } from './test';

test.describe('cascading followers', () => {
  test('a follower names its upstream, can be re-attached by hand, and a loop is refused with the reason', async ({
    page,
  }) => {
    await page.goto('/?scenario=cascading-followers&seed=1');
    await page.getByRole('slider', { name: 'Time' }).fill('1000');
    await expect(readout(page)).toHaveText('t = 1000 ms');
    await expect(nodeButton(page, 'n4')).toHaveAccessibleName(/replicates from n3/);

    await nodeButton(page, 'n4').click();
    const faults = page.getByRole('region', { name: 'Faults' });
    await faults.getByRole('combobox', { name: 'Replicate from' }).selectOption('n2');
    await faults.getByRole('button', { name: 'Set upstream' }).click();
    await expect(nodeButton(page, 'n4')).toHaveAccessibleName(/replicates from n2/);

    // n3 gets its log from n2: n2 taking its log from n3 would starve both.
    await nodeButton(page, 'n2').click();
    await faults.getByRole('combobox', { name: 'Replicate from' }).selectOption('n3');
    await faults.getByRole('button', { name: 'Set upstream' }).click();
    await expect(page.getByRole('alert')).toContainText('that would be a loop');
    await expect(nodeButton(page, 'n2')).not.toHaveAccessibleName(/replicates from/);
  });
});
