import { expect, test } from './test';

test.describe('presenter mode', () => {
  test('hides the chrome, steps through the tour from the keyboard and leaves with Esc', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/?scenario=failover-loses-async-writes&seed=1');
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await expect(page.getByRole('heading', { name: 'Replica Lab, presenter mode' })).toBeAttached();
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
    const title = page.getByRole('heading', { name: 'Fast acknowledgements, slow replication' });
    await expect(title).toBeVisible();
    // Large type: the step's title is readable from the back of a room.
    const size = await title.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);

    await page.keyboard.press('PageDown');
    await expect(page.getByRole('heading', { name: 'The leader dies' })).toBeVisible();
    await expect(page.getByText('t = 1500 ms')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { name: 'Failover' })).toBeVisible();
    await page.keyboard.press('PageUp');
    await expect(page.getByRole('heading', { name: 'The leader dies' })).toBeVisible();
    await expect(page.getByText('t = 1500 ms')).toBeVisible();

    await page.keyboard.press('Space');
    await expect(page.getByText('Playing')).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByText('Paused')).toBeVisible();

    // The laser pointer follows the pointer over the diagram.
    const stage = page.getByRole('main');
    const box = await stage.boundingBox();
    if (box === null) throw new Error('no stage');
    await page.mouse.move(box.x + 300, box.y + 200);
    const laser = page.locator('.laser');
    await expect(laser).toBeVisible();
    await expect(laser).toHaveAttribute('style', /translate\(300px, 200px\)/);

    await page.keyboard.press('Escape');
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'The leader dies' })).toBeVisible();
  });

  test('with reduced motion the laser pointer and the focus glow stand still', async ({ page }) => {
    const motion = async (reducedMotion: 'reduce' | 'no-preference') => {
      await page.emulateMedia({ reducedMotion });
      await page.goto('/?scenario=sync-vs-async&seed=1');
      await page.getByRole('button', { name: 'Presenter mode' }).click();
      const box = await page.getByRole('main').boundingBox();
      if (box === null) throw new Error('no stage');
      await page.mouse.move(box.x + 100, box.y + 100);
      await expect(page.locator('.laser')).toBeVisible();
      return page.evaluate(() => ({
        laser: getComputedStyle(document.querySelector('.laser') as Element).transitionDuration,
        focus: [...document.querySelectorAll('[data-tour-focus]')].map(
          (el) => getComputedStyle(el).animationName,
        ),
      }));
    };
    const moving = await motion('no-preference');
    expect(moving.laser).not.toBe('0s');
    expect(moving.focus).toEqual(['tour-focus', 'tour-focus', 'tour-focus']);
    const still = await motion('reduce');
    expect(still.laser).toBe('0s');
    expect(still.focus).toEqual(['none', 'none', 'none']);
  });
});
