import type { Page } from '@playwright/test';
import { timeSlider } from './app';
import { expect, test } from './test';

const centre = async (page: Page, name: RegExp) => {
  const box = await page.getByRole('button', { name }).boundingBox();
  if (box === null) throw new Error(`no box for ${name}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

test.describe('cluster view', () => {
  test('a slow link is labelled with its latency', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    await expect(page.getByText('slow · 400 ms')).toBeVisible();
    await expect(page.getByText('10 ms', { exact: true }).first()).toBeVisible();
  });

  test('hovering a message in flight names it, and clicking it selects it', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    // At 300 ms the write's replicate message to follower-2 is partway along its 400 ms link.
    await timeSlider(page).fill('300');
    const diagram = page.getByRole('img', { name: /^Cluster diagram/ });
    await expect(diagram).toHaveAccessibleDescription(/replicate leader → follower-2/);
    const from = await centre(page, /^leader,/);
    const to = await centre(page, /^follower-2,/);
    const tooltip = page.getByRole('tooltip');
    // Look along the link, as a person's eye would, until the pointer is over the mark.
    search: for (let f = 0.1; f <= 0.9; f += 0.025) {
      for (const dy of [-24, -20, -16, -12]) {
        await page.mouse.move(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f + dy);
        if (/replicate/.test((await tooltip.textContent({ timeout: 100 }).catch(() => '')) ?? '')) {
          break search;
        }
      }
    }
    await expect(tooltip).toContainText('replicate leader → follower-2');
    await expect(tooltip).toContainText('sent at');
    await page.mouse.down();
    await page.mouse.up();
    const inspector = page.getByRole('region', { name: /^Message #\d+$/ });
    await expect(inspector).toContainText('replicate');
    await expect(inspector).toContainText('follower-2');
  });

  test('zoom with the wheel, drag a node, and reset the view', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    const reset = page.getByRole('button', { name: 'Reset view' });
    await expect(reset).toBeDisabled();

    const before = await centre(page, /^follower-1,/);
    await page.mouse.move(before.x, before.y);
    await page.mouse.down();
    await page.mouse.move(before.x + 60, before.y - 40, { steps: 5 });
    await page.mouse.up();
    const dragged = await centre(page, /^follower-1,/);
    expect(dragged.x - before.x).toBeGreaterThan(30);
    await expect(reset).toBeEnabled();

    await reset.click();
    const back = await centre(page, /^follower-1,/);
    expect(Math.abs(back.x - before.x)).toBeLessThan(1);

    await page.mouse.move(before.x, before.y - 150);
    await page.mouse.wheel(0, -400);
    await expect(reset).toBeEnabled();
    await reset.click();
    await expect(reset).toBeDisabled();
  });

  test('side panels resize from the keyboard and hide, leaving the diagram', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    const divider = page.getByRole('separator', { name: 'Resize side panels' });
    const width = Number(await divider.getAttribute('aria-valuenow'));
    await divider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(divider).toHaveAttribute('aria-valuenow', String(width + 16));
    // The arrow resized the panel; it did not also step the simulation.
    await expect(timeSlider(page)).toHaveValue('0');

    const timelineDivider = page.getByRole('separator', { name: 'Resize timeline' });
    const timeline = page.getByRole('region', { name: 'Space-time diagram' });
    const before = (await timeline.boundingBox())?.height ?? 0;
    await timelineDivider.focus();
    await page.keyboard.press('Shift+ArrowUp');
    await expect
      .poll(async () => (await timeline.boundingBox())?.height ?? 0)
      .toBeGreaterThan(before);

    await page.getByRole('button', { name: 'Hide panels' }).click();
    await expect(page.getByRole('complementary', { name: 'Details' })).toBeHidden();
    await expect(page.getByRole('button', { name: /^leader,/ })).toBeVisible();
    await page.getByRole('button', { name: 'Show panels' }).click();
    await expect(page.getByRole('complementary', { name: 'Details' })).toBeVisible();
  });

  test('the speed slider and the + and − keys change the playback speed', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    const speed = page.getByRole('slider', { name: 'Speed' });
    await expect(speed).toHaveAttribute('aria-valuetext', '1x');
    await page.getByRole('heading', { name: 'Replica Lab' }).click();
    await page.keyboard.press('+');
    await expect(speed).toHaveAttribute('aria-valuetext', '2x');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect(speed).toHaveAttribute('aria-valuetext', '0.5x');
  });
});
