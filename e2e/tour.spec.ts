import type { Page } from '@playwright/test';
import { readout } from './app';
import { expect, test } from './test';

const narration = (page: Page) =>
  page.getByRole('region', { name: /./ }).filter({
    has: page.getByRole('list', { name: 'Narration steps' }),
  });
const next = (page: Page) => page.getByRole('button', { name: 'Next', exact: true });
const back = (page: Page) => page.getByRole('button', { name: 'Back', exact: true });
const focused = (page: Page) =>
  page
    .locator('[data-tour-focus]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-endpoint')));

test.describe('guided tours', () => {
  test('the single-leader tour plays from its first step to its last, and waits for the user', async ({
    page,
  }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    const panel = narration(page);
    await expect(panel.getByRole('heading', { name: 'One leader, two followers' })).toBeVisible();
    await expect(panel).toContainText('Step 1 of 5');
    await expect.poll(() => focused(page)).toEqual(['leader', 'follower-1', 'follower-2']);
    await expect(back(page)).toBeDisabled();

    const titles = [
      'user-1234 updates a profile picture',
      'Reading from the lagging follower',
      'Eventually consistent',
      'Your turn: crash a follower',
    ];
    const times = [100, 200, 2000, 2200];
    for (const [i, title] of titles.entries()) {
      await next(page).click();
      await expect(panel.getByRole('heading', { name: title })).toBeVisible();
      await expect(panel).toContainText(`Step ${i + 2} of 5`);
      await expect(readout(page)).toHaveText(`t = ${times[i]} ms`);
    }
    await expect.poll(() => focused(page)).toEqual(['follower-1']);

    // The last step asks for a crash, and holds until it happens.
    const ask = panel.getByRole('status');
    await expect(ask).toHaveText(
      'Select follower-1 in the diagram, then press Crash in the Faults panel.',
    );
    await expect(next(page)).toBeDisabled();
    await page.getByRole('button', { name: /^follower-1,/ }).click();
    await page.getByRole('button', { name: /^Crash\b/ }).click();
    await expect(ask).toHaveText('Done: watch what happens next.');
    await expect(page.getByRole('button', { name: /^follower-1,/ })).toHaveAccessibleName(/down/);

    // Back returns exactly to where Next left from; Next again finds the crash still in the run.
    await back(page).click();
    await expect(panel.getByRole('heading', { name: 'Eventually consistent' })).toBeVisible();
    await expect(readout(page)).toHaveText('t = 2000 ms');
    await expect(page.getByRole('button', { name: /^follower-1,/ })).not.toHaveAccessibleName(
      /down/,
    );
    await next(page).click();
    await expect(ask).toHaveText('Done: watch what happens next.');
  });

  test('the leaderless tour plays from its first step to its last', async ({ page }) => {
    await page.goto('/?scenario=quorum-read-repair&seed=1');
    const panel = narration(page);
    const steps: [string, number, string[]][] = [
      ['Three replicas, quorums of two', 0, ['n1', 'n2', 'n3']],
      ['Replica n3 goes down', 400, ['n3']],
      ['The write succeeds without n3', 500, ['n1', 'n2', 'user-1234']],
      ['n3 is back, and stale', 1200, ['n3']],
      ['A read sees the newest version, and repairs', 1500, ['n3', 'user-2345']],
      ['All three agree', 2500, ['n1', 'n2', 'n3']],
    ];
    for (const [i, [title, at, lit]] of steps.entries()) {
      if (i > 0) await next(page).click();
      await expect(panel.getByRole('heading', { name: title })).toBeVisible();
      await expect(panel).toContainText(`Step ${i + 1} of ${steps.length}`);
      await expect(readout(page)).toHaveText(`t = ${at} ms`);
      await expect.poll(async () => (await focused(page)).sort()).toEqual(lit);
    }
    await expect(next(page)).toBeDisabled();
    await expect(page.getByRole('button', { name: /^n3,/ })).not.toHaveAccessibleName(/down/);
  });

  test('the multi-leader tour plays from its first step to its last', async ({ page }) => {
    await page.goto('/?scenario=ml-inter-dc-partition&seed=1');
    const panel = narration(page);
    const steps: [string, number, string[]][] = [
      ['Two datacenters', 0, ['eu-1', 'us-1']],
      ['The link between datacenters fails', 500, ['eu-1', 'us-1']],
      ['The same key, written on both sides', 800, ['alice', 'bob']],
      ['The network heals', 2000, ['eu-1', 'us-1']],
      ['Converged', 3500, ['eu-1', 'eu-2', 'us-1', 'us-2']],
    ];
    for (const [i, [title, at, lit]] of steps.entries()) {
      if (i > 0) await next(page).click();
      await expect(panel.getByRole('heading', { name: title, exact: true })).toBeVisible();
      await expect(panel).toContainText(`Step ${i + 1} of ${steps.length}`);
      await expect(readout(page)).toHaveText(`t = ${at} ms`);
      await expect.poll(async () => (await focused(page)).sort()).toEqual(lit);
    }
    await expect(next(page)).toBeDisabled();
  });

  test('Back returns to the exact point, even between two events of one millisecond', async ({
    page,
  }) => {
    await page.goto('/?scenario=failover-loses-async-writes&seed=2');
    await page.getByRole('slider', { name: 'Time' }).fill('900');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
    const before = {
      time: await readout(page).textContent(),
      events: await page.locator('.readout__detail').textContent(),
    };
    await next(page).click();
    await expect(narration(page).getByRole('heading', { name: 'The leader dies' })).toBeVisible();
    await expect(readout(page)).toHaveText('t = 1500 ms');
    await expect.poll(() => focused(page)).toEqual(['n1']);
    await next(page).click();
    await expect(narration(page).getByRole('heading', { name: 'Failover' })).toBeVisible();
    await back(page).click();
    await expect(readout(page)).toHaveText('t = 1500 ms');
    await back(page).click();
    await expect(readout(page)).toHaveText(before.time ?? '');
    await expect(page.locator('.readout__detail')).toHaveText(before.events ?? '');
  });
});
