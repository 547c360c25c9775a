import { expect, type Locator, type Page, test } from '@playwright/test';
import { collectErrors } from './consoleErrors';

/** Seek with the time slider, as a person dragging it would. */
async function seekTo(page: Page, t: number): Promise<void> {
  await page.getByRole('slider', { name: 'Time' }).fill(String(t));
  await expect(page.getByRole('status').filter({ hasText: /^t = \d+ ms$/ })).toHaveText(
    `t = ${t} ms`,
  );
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

test.describe('inspector', () => {
  let errors: string[] = [];
  test.beforeEach(({ page }) => {
    errors = collectErrors(page);
  });
  test.afterEach(() => {
    expect(errors).toEqual([]);
  });

  test('a node shows its replication log, the acknowledged marker and its data', async ({
    page,
  }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    await seekTo(page, 1500);
    await page.getByRole('button', { name: /^leader,/ }).click();
    const inspector = page.getByRole('region', { name: 'Node leader' });
    const log = inspector.getByRole('list', { name: 'Replication log of leader' });
    const entries = log.getByRole('listitem');
    await expect(entries.filter({ hasText: /^#1/ })).toContainText(
      'users.1234.picture_url = me-new.jpg',
    );
    await expect(entries.filter({ hasText: /^#2/ })).toContainText(
      'users.1234.bio = Replication fan',
    );
    // Both writes were acknowledged: the marker follows the last entry.
    await expect(entries.last()).toHaveText(/^acknowledged: nothing up to #2/);
    const row = inspector.getByRole('row', { name: /users\.1234\.bio/ });
    await expect(row.getByRole('cell')).toHaveText('Replication fan');
    await expect(inspector.getByRole('row', { name: /follower-1/ })).toContainText('#2');

    // The lagging asynchronous follower says how far behind it is, in positions and in time.
    await seekTo(page, 300);
    await page.getByRole('button', { name: /^follower-2,/ }).click();
    const follower = page.getByRole('region', { name: 'Node follower-2' });
    await expect(follower).toContainText(/1 position behind, \d+ ms behind/);
    await expect(follower.getByRole('button', { name: 'Crash follower-2' })).toBeEnabled();
  });

  test('a moving message shows its payload and fate, and stepping back returns it to its sender', async ({
    page,
  }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    await seekTo(page, 300);
    // The replicate message on the slow link to follower-2 is on its way.
    const mark = page.getByRole('button', { name: /^replicate leader → follower-2, message \d+$/ });
    await expect(mark).toHaveCount(1);
    await mark.click();
    const inspector = page.getByRole('region', { name: /^Message #\d+$/ });
    await expect(inspector).toContainText(/in flight, due at \d+ ms/);
    const payload = inspector.getByRole('figure', { name: 'Payload' });
    await expect(payload).toContainText('"entries"');
    await expect(payload).toContainText('me-new.jpg');

    const due = Number(
      (await inspector.textContent())?.match(/due at (\d+) ms/)?.[1] ?? Number.NaN,
    );
    await seekTo(page, due);
    await expect(inspector).toContainText(`delivered at ${due} ms`);
    await expect(mark).toHaveCount(0);

    // Step back until the delivery is undone: the message is on the wire again, near follower-2.
    const stepBack = page.getByRole('button', { name: 'Step back' });
    for (let i = 0; i < 30 && (await mark.count()) === 0; i++) await stepBack.click();
    await expect(inspector).toContainText(/in flight, due at \d+ ms/);
    await expect(mark).toHaveCount(1);
    const sender = await centre(page.getByRole('button', { name: /^leader,/ }));
    const nearReceiver = distance(await centre(mark), sender);
    // Further back in time it sits closer to its sender.
    await seekTo(page, 200);
    await expect(mark).toHaveCount(1);
    expect(distance(await centre(mark), sender)).toBeLessThan(nearReceiver - 20);
  });

  test('a client shows its session and its history', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    await seekTo(page, 1500);
    await page.getByRole('button', { name: /^user-1234, client/ }).click();
    const inspector = page.getByRole('region', { name: 'Client user-1234' });
    const history = inspector.getByRole('list', { name: 'History of user-1234' });
    await expect(history.getByRole('listitem')).toHaveCount(4);
    await expect(history.getByRole('listitem').first()).toContainText(
      'invoke write users.1234.picture_url = me-new.jpg',
    );
    await expect(history.getByRole('listitem').nth(1)).toContainText(
      'ok write users.1234.picture_url = me-new.jpg (leader)',
    );
    await expect(inspector).toContainText(/#2 \(epoch 1\), ok at \d+ ms/);
    await expect(inspector).toContainText('idle');

    // Back in time, the history shrinks to what had happened by then.
    await seekTo(page, 50);
    await expect(inspector.getByText('No operations yet.')).toBeVisible();
  });
});
