import type { Locator, Page } from '@playwright/test';
import { timeSlider } from './app';
import { expect, test } from './test';

const diagram = (page: Page) => page.getByRole('region', { name: 'Space-time diagram' });
const shown = (page: Page) => diagram(page).getByText(/messages? and \d+ operations? shown/);
const messagesShown = async (page: Page) =>
  Number((await shown(page).textContent())?.match(/^(\d+) message/)?.[1] ?? Number.NaN);
const timeValue = async (page: Page) => Number(await timeSlider(page).inputValue());

/** Play until the time passes `ms`, then pause. */
async function playPast(page: Page, ms: number) {
  await page.getByRole('slider', { name: 'Speed' }).fill('6');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => timeValue(page), { timeout: 15_000 }).toBeGreaterThan(ms);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
}

async function centreY(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('not laid out');
  return box.y + box.height / 2;
}

test.describe('space-time diagram', () => {
  test('arrows appear as the run plays; hovering one names the message', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    await expect(shown(page)).toHaveText(/^0 messages/);
    await playPast(page, 300);
    await expect.poll(() => messagesShown(page)).toBeGreaterThan(0);

    // Sweep the pointer along the gap between the leader's and follower-1's lanes, as a
    // person would, until it rests on an arrow and the tooltip names the message.
    const region = diagram(page);
    const y =
      ((await centreY(region.getByRole('button', { name: 'Lane leader' }))) +
        (await centreY(region.getByRole('button', { name: 'Lane follower-1' })))) /
      2;
    const plot = await region
      .getByRole('figure', { name: 'Messages and operations over time' })
      .boundingBox();
    if (plot === null) throw new Error('no plot');
    const tooltip = region.getByRole('tooltip');
    for (let x = plot.x + 4; x < plot.x + plot.width && !(await tooltip.isVisible()); x += 3) {
      await page.mouse.move(x, y);
    }
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toHaveText(
      /^[\w-]+ [\w-]+ → [\w-]+, sent \d+ ms, (delivered|in flight|dropped|lost)/,
    );
    await page.mouse.move(plot.x + plot.width / 2, plot.y + plot.height + 40);
    await expect(tooltip).toBeHidden();
  });

  test('clicking empty diagram space moves the time there', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    await playPast(page, 400);
    const before = await timeValue(page);
    const plot = await diagram(page)
      .getByRole('figure', { name: 'Messages and operations over time' })
      .boundingBox();
    if (plot === null) throw new Error('no plot');
    // Above the first lane nothing is drawn: a click there is a click on time itself.
    await page.mouse.click(plot.x + plot.width * 0.1, plot.y + 2);
    await expect.poll(() => timeValue(page)).not.toBe(before);
    const after = await timeValue(page);
    expect(after).toBeLessThan(before);
    expect(after).toBeGreaterThanOrEqual(0);
  });

  test('a lane selects its node, and the diagram collapses and returns', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    const lane = diagram(page).getByRole('button', { name: 'Lane follower-2' });
    await lane.click();
    await expect(lane).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('region', { name: 'Node follower-2' })).toBeVisible();
    await lane.click();
    await expect(lane).toHaveAttribute('aria-pressed', 'false');

    const toggle = diagram(page).getByRole('button', { name: 'Timeline' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(lane).toBeHidden();
    await toggle.click();
    await expect(lane).toBeVisible();
  });

  test('the wheel zooms time, a drag pans it and stops following', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    const region = diagram(page);
    const span = async () => {
      const [, from, to] =
        (await shown(page).textContent())?.match(/from (\d+) ms to (\d+) ms/) ?? [];
      return { from: Number(from), to: Number(to) };
    };
    await expect(shown(page)).toHaveText(/from 0 ms to 1000 ms\.$/);
    const plot = await region
      .getByRole('figure', { name: 'Messages and operations over time' })
      .boundingBox();
    if (plot === null) throw new Error('no plot');
    await page.mouse.move(plot.x + plot.width / 2, plot.y + plot.height / 2);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => (await span()).to).toBeLessThan(1000);

    const follow = region.getByRole('button', { name: 'Follow playhead' });
    await expect(follow).toHaveAttribute('aria-pressed', 'true');
    await page.mouse.down();
    await page.mouse.move(plot.x + plot.width / 4, plot.y + plot.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(async () => (await span()).from).toBeGreaterThan(0);
    // A drag is not a click: the time stays where it was.
    expect(await timeValue(page)).toBe(0);

    await region.getByRole('button', { name: 'Whole run' }).click();
    await expect(shown(page)).toHaveText(/from 0 ms to 3000 ms\.$/);
    await follow.click();
    await expect(follow).toHaveAttribute('aria-pressed', 'true');
  });

  // The window after each seek: scrolling holds the playhead at 80 % of the window; paging
  // lets it run to 95 %, then turns the page, and keeps still while the playhead stays on it.
  for (const [motion, windows] of [
    ['no-preference', ['100 ms to 1100', '160 ms to 1160', '700 ms to 1700']],
    ['reduce', ['0 ms to 1000', '910 ms to 1910', '910 ms to 1910']],
  ] as const) {
    test(`following the playhead with reduced motion "${motion}"`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: motion });
      await page.goto('/?scenario=sync-vs-async&seed=1');
      const seeks = ['900', '960', '1500'];
      for (const [i, t] of seeks.entries()) {
        await timeSlider(page).fill(t);
        await expect(shown(page)).toHaveText(new RegExp(`from ${windows[i]} ms\\.$`));
      }
    });
  }
});
