import type { Page } from '@playwright/test';
import { expect, test } from './test';

const nodeButton = (page: Page, id: string) =>
  page.getByRole('button', { name: new RegExp(`^${id}, replica,`) });

async function openScenario(page: Page, title: string) {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: title });
}

test.describe('leaderless quorums in the app', () => {
  test('a person sets n, w, r, cuts a replica off, writes, reads, and sees read repair heal it', async ({
    page,
  }) => {
    await openScenario(page, 'Anti-entropy repairs keys nobody reads');
    const quorum = page.getByRole('region', { name: 'Quorum', exact: true });
    const field = (name: string) => quorum.getByRole('textbox', { name, exact: true });
    const apply = quorum.getByRole('button', { name: 'Apply quorum settings' });
    await expect(quorum.getByRole('status')).toContainText('w + r > n (2 + 2 > 3)');

    // An impossible quorum is refused by name, and what was typed stays.
    await field('w').fill('4');
    await apply.click();
    await expect(quorum.getByRole('alert')).toContainText(
      'w: a write cannot wait for 4 acknowledgements from 3 replicas',
    );
    await expect(field('w')).toHaveValue('4');
    await expect(field('w')).toHaveAttribute('aria-invalid', 'true');
    await field('n').fill('4');
    await apply.click();
    await expect(quorum.getByRole('alert')).toContainText('but the cluster has 3');

    // n = 3, w = 3, r = 1 first: the rule says reads and writes overlap (3 + 1 > 3).
    await field('n').fill('3');
    await field('w').fill('3');
    await field('r').fill('1');
    await apply.click();
    await expect(quorum.getByRole('alert')).toHaveCount(0);
    await expect(quorum.getByRole('status')).toContainText('w + r > n (3 + 1 > 3)');
    // Then w = r = 2, and anti-entropy off, so only a read can repair a stale replica.
    await field('w').fill('2');
    await field('r').fill('2');
    await field('Anti-entropy every (ms)').fill('0');
    await apply.click();
    await expect(quorum.getByRole('status')).toContainText('w + r > n (2 + 2 > 3)');
    await expect(quorum).toContainText('antiEntropyIntervalMs = 0 (scenario: 400)');

    // After the scenario's own events, cut n3 (a home replica of counter) off from everyone.
    await page.getByRole('slider', { name: 'Time' }).fill('1500');
    await nodeButton(page, 'n3').click();
    const faults = page.getByRole('region', { name: 'Faults' });
    await faults.getByRole('button', { name: 'Isolate selected node' }).click();

    // Write while n3 is cut off: two acknowledgements (n2 and n1) are enough.
    const clients = page.getByRole('region', { name: 'Clients' });
    await clients.getByRole('textbox', { name: 'Key' }).fill('counter');
    await clients.getByRole('textbox', { name: 'Value' }).fill('8');
    await clients.getByRole('button', { name: 'Write', exact: true }).click();
    await page.getByRole('slider', { name: 'Time' }).fill('1700');
    const inspector = page.getByRole('region', { name: 'Node n3' });
    await expect(inspector.getByRole('row', { name: /counter/ })).toHaveCount(0);

    // Heal, then read: the coordinator hears n3's stale copy and sends it the newest one.
    await faults.getByRole('button', { name: 'Heal all' }).click();
    await clients.getByRole('button', { name: 'Read', exact: true }).click();
    await page.getByRole('slider', { name: 'Time' }).fill('1740');
    const wire = inspector.getByRole('list', { name: 'Messages on the wire to and from n3' });
    const repair = wire.getByRole('button', { name: /^read-repair n2 → n3/ });
    for (let i = 0; i < 40 && (await repair.count()) === 0; i++) {
      await page.getByRole('button', { name: 'Step forward' }).click();
    }
    await expect(repair).toBeVisible();
    await expect(page.getByRole('region', { name: 'Message legend' })).toContainText('Read repair');
    await page.getByRole('slider', { name: 'Time' }).fill('2000');
    await expect(inspector.getByRole('row', { name: /counter/ })).toContainText('8');
  });

  test('the quorum overlap: the replicas in w, in r, and in both, from a client’s history', async ({
    page,
  }) => {
    await openScenario(page, 'Quorum overlap: w + r > n');
    await page.getByRole('slider', { name: 'Time' }).fill('2000');
    await page.getByRole('button', { name: /^user-2345, client/ }).click();
    const inspector = page.getByRole('region', { name: 'Client user-2345' });
    const read = inspector.getByRole('button', { name: /^ok read counter → 42/ });
    await read.click();
    await expect(read).toHaveAttribute('aria-pressed', 'true');

    const picture = page.getByRole('region', { name: 'Quorum picture' });
    await expect(picture).toContainText('answered by n3, n4, n5 (r = 3)');
    await expect(picture).toContainText('In both quorums: n3');
    await expect(nodeButton(page, 'n3')).toHaveAccessibleName(
      /acknowledged the write and answered the read$/,
    );
    await expect(nodeButton(page, 'n1')).toHaveAccessibleName(/, acknowledged the write$/);
    await expect(nodeButton(page, 'n5')).toHaveAccessibleName(/, answered the read$/);

    await picture.getByRole('button', { name: 'Clear quorum picture' }).click();
    await expect(nodeButton(page, 'n3')).toHaveAccessibleName(/keys?$/);
  });

  test('an operation’s bar on the space-time diagram pictures its quorums too', async ({
    page,
  }) => {
    await openScenario(page, 'Quorum overlap: w + r > n');
    await page.getByRole('slider', { name: 'Time' }).fill('2500');
    const diagram = page.getByRole('region', { name: 'Space-time diagram' });
    await diagram.getByRole('button', { name: 'Whole run' }).click();
    const plot = await diagram
      .getByRole('figure', { name: 'Messages and operations over time' })
      .boundingBox();
    const lane = await diagram.getByRole('button', { name: 'Lane user-1234' }).boundingBox();
    if (plot === null || lane === null) throw new Error('no diagram');
    // The write runs from 200 to about 270 ms of the 2500 ms run; 22 px of padding each side.
    const x = plot.x + 22 + (235 / 2500) * (plot.width - 44);
    const y = lane.y + lane.height / 2;
    await page.mouse.move(x, y);
    await expect(diagram.getByRole('tooltip')).toContainText('counter');
    // Hovering pictures it for as long as the pointer stays; a click keeps it.
    const picture = page.getByRole('region', { name: 'Quorum picture' });
    await expect(picture).toContainText('Write counter = 42 by user-1234');
    await page.mouse.move(plot.x + plot.width / 2, plot.y + 2);
    await expect(picture).toHaveCount(0);
    await page.mouse.click(x, y);
    await expect(picture).toContainText('Write counter = 42 by user-1234: acknowledged by');
    await expect(picture).toContainText('In both quorums: n3');
    await expect(nodeButton(page, 'n4')).toHaveAccessibleName(/, answered the read$/);
  });
});
