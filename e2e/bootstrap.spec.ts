import type { Page } from '@playwright/test';
import { nodeButton, seekTo } from './app';
import { expect, test } from './test';

/** Play until the node's name says `what`, then pause. */
async function playUntil(page: Page, id: string, what: RegExp) {
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(nodeButton(page, id)).toHaveAccessibleName(what, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
}

/** Send a read of `cart` from user-1234 to node `id`, as a person does in the clients panel. */
async function readFrom(page: Page, id: string) {
  const clients = page.getByRole('region', { name: 'Clients' });
  await clients.getByRole('combobox', { name: 'Client' }).selectOption('user-1234');
  await clients.getByRole('textbox', { name: 'Key' }).fill('cart');
  await clients.getByRole('combobox', { name: 'Read from' }).selectOption(id);
  await clients.getByRole('button', { name: 'Read', exact: true }).click();
}

test.describe('adding a follower by each bootstrap method', () => {
  for (const [button, method, id] of [
    ['Add follower from a snapshot', 'from a snapshot', 'n4'],
    ['Add follower by replaying the log', 'by replaying the log', 'n4'],
  ] as const) {
    test(`${button}: it refuses reads until it has what it needs, then serves its first read`, async ({
      page,
    }) => {
      await page.goto('/?scenario=follower-crash-catch-up&seed=1');
      await seekTo(page, 1500);
      const faults = page.getByRole('region', { name: 'Faults' });
      await faults.getByRole('button', { name: button }).click();

      const joining = nodeButton(page, id);
      await expect(joining).toHaveAccessibleName(
        new RegExp(`bootstrapping ${method}.*, not serving reads yet`),
      );
      await playUntil(page, id, new RegExp(`bootstrapped ${method}, serving reads`));

      await readFrom(page, id);
      await playUntil(page, id, /first read served/);
      const recent = page
        .getByRole('region', { name: 'Clients' })
        .getByRole('list', { name: 'Recent operations' });
      await expect(
        recent.getByRole('listitem').filter({ hasText: 'read cart' }).first(),
      ).toContainText(`answered by ${id}`);

      // The inspector tells how long each step took.
      await joining.click();
      const inspector = page.getByRole('region', { name: `Node ${id}` });
      await expect(inspector).toContainText(`bootstrapped ${method}`);
      await expect(inspector).toContainText('first read served');
    });
  }
});
