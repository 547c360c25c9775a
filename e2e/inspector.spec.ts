import { seekTo } from './app';
import { expect, test } from './test';

/** Seek with the time slider, as a person dragging it would. */

test.describe('inspector', () => {
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

  test('a moving message shows its payload and fate, and stepping back puts it back in flight', async ({
    page,
  }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    await seekTo(page, 300);
    // The replicate message on the slow link to follower-2 is on its way: the leader's
    // inspector lists what is on the wire to and from it.
    await page.getByRole('button', { name: /^leader,/ }).click();
    const wire = page
      .getByRole('region', { name: 'Node leader' })
      .getByRole('list', { name: 'Messages on the wire to and from leader' });
    await wire
      .getByRole('button', { name: /^replicate leader → follower-2, message \d+$/ })
      .click();
    const inspector = page.getByRole('region', { name: /^Message #\d+$/ });
    await expect(inspector).toContainText('leader → follower-2');
    await expect(inspector).toContainText(/in flight, due at \d+ ms/);
    const payload = inspector.getByRole('figure', { name: 'Payload' });
    await expect(payload).toContainText('"entries"');
    await expect(payload).toContainText('me-new.jpg');

    const due = Number(
      (await inspector.textContent())?.match(/due at (\d+) ms/)?.[1] ?? Number.NaN,
    );
    await seekTo(page, due);
    await expect(inspector).toContainText(`delivered at ${due} ms`);

    // Step back until the delivery is undone: the message is on the wire again.
    const stepBack = page.getByRole('button', { name: 'Step back' });
    for (let i = 0; i < 30 && /delivered/.test((await inspector.textContent()) ?? ''); i++) {
      await stepBack.click();
    }
    await expect(inspector).toContainText(`in flight, due at ${due} ms`);
    // And before it was sent, it is not there at all.
    await seekTo(page, 50);
    await expect(inspector).toContainText('Not sent yet');
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
