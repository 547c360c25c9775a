/** Page helpers the specs share: the clock readout, a node's button, seeking by the slider. */
import type { Page } from '@playwright/test';
import { expect } from './test';

/** The "t = N ms" readout of the virtual clock. */
export const readout = (page: Page) => page.getByRole('status').filter({ hasText: /^t = \d+ ms$/ });

/** A node in the cluster view; its accessible name starts with its id. */
export const nodeButton = (page: Page, id: string) =>
  page.getByRole('button', { name: new RegExp(`^${id},`) });

export const timeSlider = (page: Page) => page.getByRole('slider', { name: 'Time' });

/** Move the time slider to `ms` and wait until the run is there. */
export async function seekTo(page: Page, ms: number): Promise<void> {
  await timeSlider(page).fill(String(ms));
  await expect(readout(page)).toHaveText(`t = ${ms} ms`);
}
