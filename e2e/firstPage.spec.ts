import { readout } from './app';
import { expect, test } from './test';

test.describe('first page', () => {
  test('playing delivers the write to the synchronous follower', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async');
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('sync-vs-async');
    await page.getByRole('slider', { name: 'Speed' }).fill('6');
    await page.getByRole('button', { name: /^follower-1,/ }).click();
    const inspector = page.getByRole('region', { name: 'Node follower-1' });
    await expect(inspector).toBeVisible();

    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();

    const pictureRow = inspector.getByRole('row', { name: /users\.1234\.picture_url/ });
    await expect(pictureRow.getByRole('cell')).toHaveText('me-new.jpg', { timeout: 10_000 });
    await expect(readout(page)).not.toHaveText('t = 0 ms');
  });

  test('a replicate message travels to the follower, and on delivery its data changes', async ({
    page,
  }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    await page.getByRole('button', { name: /^follower-1,/ }).click();
    const inspector = page.getByRole('region', { name: 'Node follower-1' });
    const pictureRow = inspector.getByRole('row', { name: /users\.1234\.picture_url/ });
    await expect(pictureRow).toHaveCount(0);

    const forward = page.getByRole('button', { name: 'Step forward' });
    // The diagram describes the messages it draws, for people who cannot see the canvas.
    const diagram = page.getByRole('img', { name: /^Cluster diagram/ });
    const describedBy = await diagram.getAttribute('aria-describedby');
    const description = page.locator(`[id="${describedBy}"]`);
    const inFlight = async () =>
      /replicate leader → follower-1/.test((await description.textContent()) ?? '');
    // Step through the client's write until the leader ships it.
    for (let i = 0; i < 40 && !(await inFlight()); i++) await forward.click();
    await expect(diagram).toHaveAccessibleDescription(/replicate leader → follower-1/);
    await expect(pictureRow).toHaveCount(0);
    // Step until it lands: no longer in flight, and the follower holds the new value.
    for (let i = 0; i < 40 && (await inFlight()); i++) await forward.click();
    await expect(diagram).not.toHaveAccessibleDescription(/replicate leader → follower-1/);
    await expect(pictureRow.getByRole('cell')).toHaveText('me-new.jpg');
  });

  test('step forward and step back change and restore the time', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    const before = await readout(page).textContent();
    const forward = page.getByRole('button', { name: 'Step forward' });
    // Several events can share a millisecond: step until the clock moves.
    let steps = 0;
    while ((await readout(page).textContent()) === before && steps < 20) {
      await forward.click();
      steps++;
    }
    await expect(readout(page)).not.toHaveText(before ?? '');
    for (let i = 0; i < steps; i++) await page.getByRole('button', { name: 'Step back' }).click();
    await expect(readout(page)).toHaveText(before ?? '');
  });

  test('keyboard: Space plays and pauses, arrows step, Home jumps to start', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async');
    await page.getByRole('heading', { name: 'Replica Lab' }).click();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await expect(readout(page)).not.toHaveText('t = 0 ms');
    await page.keyboard.press('Home');
    await expect(readout(page)).toHaveText('t = 0 ms');
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  });

  test('the scenario picker switches scenario and shows its narration', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption({
      label: 'A follower crashes and catches up',
    });
    await expect(
      page.getByRole('heading', { name: 'Writes stream through the leader' }),
    ).toBeVisible();
    await expect(page.getByText(/Step 1 of 4/)).toBeVisible();
    await expect(page.getByRole('button', { name: /^n3,/ })).toBeVisible();
    await expect(page).toHaveURL(/scenario=follower-crash-catch-up/);
  });

  test('an invalid seed is explained and the run carries on', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=7');
    for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Step forward' }).click();
    const time = await readout(page).textContent();
    const seed = page.getByRole('textbox', { name: 'Seed' });
    await seed.fill('<b>banana</b>');
    await seed.press('Enter');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Seed must be a whole number');
    await expect(alert).toContainText('<b>banana</b>');
    await expect(seed).toHaveAttribute('aria-invalid', 'true');
    await expect(readout(page)).toHaveText(time ?? '');
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('sync-vs-async');

    await seed.fill('42');
    await page.getByRole('button', { name: 'Apply seed' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(readout(page)).toHaveText('t = 0 ms');
    await expect(page).toHaveURL(/seed=42/);
  });

  test('an unknown scenario in the link is explained, and the app still works', async ({
    page,
  }) => {
    await page.goto('/?scenario=no-such-thing');
    const notice = page.getByRole('alert');
    await expect(notice).toContainText('no-such-thing');
    await page.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('sync-vs-async');
  });

  test('a bad seed in the link is explained and the scenario default used', async ({ page }) => {
    await page.goto('/?scenario=split-brain-fenced&seed=-3');
    await expect(page.getByRole('alert')).toContainText('Seed must be a whole number');
    await expect(page.getByRole('textbox', { name: 'Seed' })).toHaveValue('1');
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(
      'split-brain-fenced',
    );
    await page.getByRole('button', { name: 'Dismiss seed error' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('crash and restart the selected node', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async');
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: /^follower-2,/ }).click();
    await page.getByRole('button', { name: 'Crash follower-2' }).click();
    await expect(page.getByRole('button', { name: /^follower-2, .*down/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Crash follower-2' })).toBeDisabled();
    await page.getByRole('button', { name: 'Restart follower-2' }).click();
    await expect(page.getByRole('button', { name: /^follower-2, .*down/ })).toHaveCount(0);
  });
});
