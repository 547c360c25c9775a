import type { Locator, Page } from '@playwright/test';
import { nodeButton, readout, seekTo } from './app';
import { expect, test } from './test';

const pendingOf = (clients: Locator, id: string) =>
  clients
    .getByRole('list', { name: 'Pending operations' })
    .getByRole('listitem')
    .filter({ hasText: id });

/** Move the Time slider, as a person dragging it would, and wait for the readout. */

/** The log position a node's accessible name states. */
async function logPosition(page: Page, id: string): Promise<number> {
  const name = (await nodeButton(page, id).getAttribute('aria-label')) ?? '';
  const match = /log position (\d+)/.exec(name);
  if (match === null) throw new Error(`no log position in "${name}"`);
  return Number(match[1]);
}

test.describe('faults and client operations', () => {
  test('crashing the leader brings a failover; stepping back across the crash undoes it', async ({
    page,
  }) => {
    await page.goto('/?scenario=failover-loses-async-writes&seed=1');
    await seekTo(page, 400);
    await nodeButton(page, 'n1').click();
    await page.getByRole('button', { name: /^Crash\b/ }).click();
    await expect(nodeButton(page, 'n1')).toHaveAccessibleName(/^n1, leader, down/);

    // Step back until n1 is up again: the crash is an event of the run, not of the click.
    const back = page.getByRole('button', { name: 'Step back' });
    let steps = 0;
    while (/down/.test((await nodeButton(page, 'n1').getAttribute('aria-label')) ?? '')) {
      await back.click();
      steps++;
      expect(steps).toBeLessThan(30);
    }
    await expect(nodeButton(page, 'n1')).not.toHaveAccessibleName(/down/);
    const forward = page.getByRole('button', { name: 'Step forward' });
    for (let i = 0; i < steps; i++) await forward.click();
    await expect(nodeButton(page, 'n1')).toHaveAccessibleName(/^n1, leader, down/);

    // Play on: the monitor notices the silence and promotes a follower.
    await page.getByRole('slider', { name: 'Speed' }).fill('6');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.getByRole('button', { name: /^n[23], leader, / })).toBeVisible({
      timeout: 15_000,
    });
  });

  test('a partitioned follower falls behind, and catches up once healed', async ({ page }) => {
    await page.goto('/?scenario=follower-crash-catch-up&seed=1');
    await seekTo(page, 100);
    const partition = page.getByRole('group', { name: 'Partition' });
    await partition.getByRole('checkbox', { name: 'n2 on side B' }).check();
    await partition.getByRole('button', { name: 'Cut links' }).click();
    const cuts = partition.getByRole('list', { name: 'Cut links' });
    await expect(cuts).toContainText('n1 ✕ n2');
    await expect(cuts).toContainText('n2 ✕ n3');

    await seekTo(page, 1200);
    await expect(nodeButton(page, 'n2')).toHaveAccessibleName(/ \d+ behind$/);
    expect(await logPosition(page, 'n2')).toBeLessThan(await logPosition(page, 'n1'));

    // Heal one link: n2 hears from n1 again, but not from n3.
    await cuts.getByRole('button', { name: 'Heal n1–n2' }).click();
    await expect(cuts).not.toContainText('n1 ✕ n2');
    await expect(cuts).toContainText('n2 ✕ n3');
    await partition.getByRole('button', { name: 'Heal all' }).click();
    await expect(partition.getByText('No links are cut.')).toBeVisible();
    await page.getByRole('slider', { name: 'Speed' }).fill('6');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    // The run ends after the writes stop; by then n2 has every entry the leader has.
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({
      timeout: 20_000,
    });
    await expect(nodeButton(page, 'n2')).not.toHaveAccessibleName(/behind/);
    expect(await logPosition(page, 'n2')).toBe(await logPosition(page, 'n1'));
  });

  test('write a value with the client panel, then read it back from a follower', async ({
    page,
  }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    await seekTo(page, 1500);
    const clients = page.getByRole('region', { name: 'Clients' });
    await clients.getByRole('combobox', { name: 'Client' }).selectOption('user-1234');
    await clients.getByRole('textbox', { name: 'Key' }).fill('greeting');
    await clients.getByRole('textbox', { name: 'Value' }).fill('hello');
    await clients.getByRole('button', { name: 'Write', exact: true }).click();
    // Paused: the write waits, shown as the client's pending operation.
    await expect(pendingOf(clients, 'user-1234')).toContainText('write greeting = hello → leader');

    const recent = clients.getByRole('list', { name: 'Recent operations' });
    const play = page.getByRole('button', { name: 'Play', exact: true });
    const pause = page.getByRole('button', { name: 'Pause', exact: true });
    await play.click();
    await expect(recent).toContainText('user-1234 write greeting = hello → ok', {
      timeout: 10_000,
    });
    await pause.click();

    await clients.getByRole('combobox', { name: 'Read from' }).selectOption('follower-1');
    await clients.getByRole('button', { name: 'Read', exact: true }).click();
    await expect(pendingOf(clients, 'user-1234')).toContainText('read greeting → follower-1');
    await play.click();
    const answer = recent.getByRole('listitem').filter({ hasText: 'read greeting' });
    await expect(answer).toContainText('user-1234 read greeting → ok hello', { timeout: 10_000 });
    await expect(answer).toContainText('answered by follower-1');
  });

  test('concurrent writes leave several clients at the same instant, and all complete', async ({
    page,
  }) => {
    await page.goto('/?scenario=follower-crash-catch-up&seed=1');
    await seekTo(page, 3300);
    const clients = page.getByRole('region', { name: 'Clients' });
    await clients.getByRole('textbox', { name: 'Key' }).fill('cart');
    await clients.getByRole('textbox', { name: 'Value' }).fill('x');
    const burst = clients.getByRole('group', { name: 'Concurrent writes' });
    await expect(burst.getByRole('checkbox', { name: 'user-1234' })).toBeChecked();
    await expect(burst.getByRole('checkbox', { name: 'user-2345' })).toBeChecked();
    await burst.getByRole('button', { name: 'Fire together' }).click();
    await expect(readout(page)).toHaveText('t = 3300 ms');
    await expect(pendingOf(clients, 'user-1234')).toContainText('write cart = x (user-1234)');
    await expect(pendingOf(clients, 'user-2345')).toContainText('write cart = x (user-2345)');

    await page.getByRole('slider', { name: 'Speed' }).fill('6');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const recent = clients.getByRole('list', { name: 'Recent operations' });
    await expect(recent).toContainText('user-1234 write cart = x (user-1234) → ok', {
      timeout: 10_000,
    });
    await expect(recent).toContainText('user-2345 write cart = x (user-2345) → ok');
  });

  test('bad entries are explained by field, kept as typed, and inject nothing', async ({
    page,
  }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    const latency = page.getByRole('group', { name: 'Link latency' });
    const current = latency.getByRole('list', { name: 'Current latency' });
    const before = await current.textContent();
    const base = latency.getByRole('textbox', { name: 'Base latency (ms)' });
    await base.fill('fast');
    await latency.getByRole('button', { name: 'Set latency' }).click();
    await expect(latency.getByRole('alert')).toHaveText(
      'Base latency (ms) must be a whole number of ms, not "fast".',
    );
    await expect(base).toHaveValue('fast');
    await expect(base).toHaveAttribute('aria-invalid', 'true');
    await expect(current).toHaveText(before ?? '');

    await base.fill('250');
    await latency.getByRole('button', { name: 'Set latency' }).click();
    await expect(latency.getByRole('alert')).toHaveCount(0);
    await expect(current).toContainText('leader → follower-1: 250 ms');
    await expect(current).toContainText('follower-1 → leader: 250 ms');

    const clients = page.getByRole('region', { name: 'Clients' });
    await clients.getByRole('textbox', { name: 'Value' }).fill('kept');
    await clients.getByRole('button', { name: 'Write', exact: true }).click();
    await expect(clients.getByRole('alert')).toContainText('Key is empty');
    await expect(clients.getByRole('textbox', { name: 'Value' })).toHaveValue('kept');
    await expect(pendingOf(clients, 'user-1234')).toContainText('idle');

    await nodeButton(page, 'follower-2').click();
    const clock = page.getByRole('group', { name: 'Clock of follower-2' });
    await clock.getByRole('textbox', { name: 'Clock skew (ms)' }).fill('-99999999');
    await clock.getByRole('button', { name: 'Skew clock' }).click();
    await expect(clock.getByRole('alert')).toContainText('Clock skew (ms) must be between');
    await expect(clock).toContainText("follower-2's clock is on time.");
  });

  test('after a scenario switch the controls offer the new nodes and clients', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('follower-crash-catch-up');
    const latency = page.getByRole('group', { name: 'Link latency' });
    await expect(latency.getByRole('combobox', { name: 'Link from' })).toHaveValue('n1');
    await expect(latency.getByRole('list', { name: 'Current latency' })).toContainText('n1 → n2');
    const partition = page.getByRole('group', { name: 'Partition' });
    await expect(partition.getByRole('checkbox', { name: 'n3 on side B' })).toBeVisible();
    await expect(partition.getByRole('checkbox', { name: /^leader on side B/ })).toHaveCount(0);
    const clients = page.getByRole('region', { name: 'Clients' });
    await expect(clients.getByRole('combobox', { name: 'Read from' })).toContainText('n3');
  });

  test('a lag spike slows every link of the node, and ends on schedule', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    await seekTo(page, 200);
    await nodeButton(page, 'follower-1').click();
    const spike = page.getByRole('group', { name: 'Lag spike on follower-1' });
    await spike.getByRole('textbox', { name: 'Spike factor' }).fill('20');
    await spike.getByRole('textbox', { name: 'Spike duration (ms)' }).fill('500');
    await spike.getByRole('button', { name: 'Lag spike', exact: true }).click();
    const current = page
      .getByRole('group', { name: 'Link latency' })
      .getByRole('list', { name: 'Current latency' });
    await expect(current).toContainText('leader → follower-1: 200 ms');
    await expect(spike.getByRole('button', { name: 'End lag spike' })).toBeEnabled();

    await seekTo(page, 699);
    await expect(current).toContainText('leader → follower-1: 200 ms');
    await seekTo(page, 700);
    await expect(current).toContainText('leader → follower-1: 10 ms');
    await expect(spike.getByRole('button', { name: 'End lag spike' })).toBeDisabled();
    // Back across the scheduled end: the spike is there again.
    await seekTo(page, 400);
    await expect(current).toContainText('leader → follower-1: 200 ms');
  });
});
