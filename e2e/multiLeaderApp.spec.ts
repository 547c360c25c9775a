import { readout, seekTo } from './app';
import { expect, test } from './test';

test.describe('multi-leader scenarios in the app', () => {
  test('a person partitions two datacenters, writes one key on both sides, heals, and sees the conflict resolved', async ({
    page,
  }) => {
    await page.goto('/');
    await page
      .getByRole('combobox', { name: 'Scenario' })
      .selectOption({ label: 'Two datacenters, yours to partition' });
    await expect(page.getByRole('button', { name: /^eu-1, leader, up, 0 keys$/ })).toBeVisible();
    const conflicts = page.getByRole('region', { name: 'Conflicts' });
    await expect(conflicts.getByText('No conflict found yet.')).toBeVisible();

    // Cut the US datacenter (its nodes and its user) off from Europe.
    await seekTo(page, 500);
    const datacenters = page.getByRole('group', { name: 'Datacenters' });
    await datacenters.getByRole('combobox', { name: 'Datacenter' }).selectOption('us');
    await datacenters.getByRole('button', { name: 'Cut off datacenter' }).click();
    const partition = page.getByRole('group', { name: 'Partition' });
    const cuts = partition.getByRole('list', { name: 'Cut links' });
    await expect(cuts).toContainText('eu-1');
    await expect(cuts).toContainText('us-1');

    // The same key, written on both sides of the cut.
    const clients = page.getByRole('region', { name: 'Clients' });
    await clients.getByRole('textbox', { name: 'Key' }).fill('event.venue');
    for (const [client, venue] of [
      ['alice', 'Paris'],
      ['bob', 'Boston'],
    ] as const) {
      await clients.getByRole('combobox', { name: 'Client' }).selectOption(client);
      await clients.getByRole('textbox', { name: 'Value' }).fill(venue);
      await clients.getByRole('button', { name: 'Write', exact: true }).click();
    }
    // Both sides carry on: each leader takes its own user's write.
    await seekTo(page, 1500);
    const recent = clients.getByRole('list', { name: 'Recent operations' });
    await expect(recent).toContainText('alice write event.venue = Paris → ok');
    await expect(recent).toContainText('bob write event.venue = Boston → ok');
    await expect(conflicts.getByText('No conflict found yet.')).toBeVisible();

    await partition.getByRole('button', { name: 'Heal all' }).click();
    await seekTo(page, 3000);
    const found = conflicts.getByRole('list', { name: 'Conflicts found' });
    await expect(found.getByRole('listitem')).toHaveCount(1);
    const text = (await found.textContent()) ?? '';
    expect(text).toContain('event.venue');
    expect(text).toMatch(
      /Paris \(eu-1:\d+\) and Boston \(us-1:\d+\)|Boston \(us-1:\d+\) and Paris \(eu-1:\d+\)/,
    );
    // Last write wins kept one venue and names the other as discarded.
    const match = /lww shows (Paris|Boston), discarding (Paris|Boston) by (alice|bob)/.exec(text);
    expect(match).not.toBeNull();
    const [, kept, lost] = match ?? [];
    expect(kept).not.toBe(lost);

    // Every node now holds the kept venue.
    for (const id of ['eu-1', 'us-2']) {
      await page.getByRole('button', { name: new RegExp(`^${id}, (leader|follower), up`) }).click();
      const inspector = page.getByRole('region', { name: `Node ${id}` });
      await expect(inspector.getByRole('row', { name: /event\.venue/ })).toContainText(kept ?? '');
    }
  });

  test('a person meets the same conflict with another strategy, and cures figure 5-9 with version vectors', async ({
    page,
  }) => {
    await page.goto('/?scenario=ml-wiki-title-lww&seed=1');
    await seekTo(page, 2900);
    const conflicts = page.getByRole('region', { name: 'Conflicts' });
    const found = conflicts.getByRole('list', { name: 'Conflicts found' });
    await expect(found).toContainText(/lww shows (B|C), discarding/);

    await conflicts.getByRole('combobox', { name: 'Strategy' }).selectOption({
      label: 'Merge the values',
    });
    // The same run, re-derived at the same time: the same two writes, now both kept.
    await expect(readout(page)).toHaveText('t = 2900 ms');
    await expect(found).toContainText('merge shows B/C');
    await expect(found).not.toContainText('discarding');
    // The narration was written for last write wins: the panel says what changed, and goes back.
    await expect(conflicts).toContainText(
      'Changed from the scenario (strategy = Merge the values (scenario: Last write wins))',
    );
    await conflicts.getByRole('button', { name: 'Restore scenario settings' }).click();
    await expect(found).toContainText(/lww shows (B|C), discarding/);
    await expect(conflicts.getByRole('button', { name: 'Restore scenario settings' })).toHaveCount(
      0,
    );

    await page.goto('/?scenario=ml-update-overtakes-insert&seed=1');
    await seekTo(page, 2900);
    const leader2 = page.getByRole('button', { name: /^leader2, leader, up/ });
    await leader2.click();
    const data = page.getByRole('region', { name: 'Node leader2' });
    await expect(data.getByRole('row', { name: /^x\b/ })).toContainText('1');
    await page
      .getByRole('region', { name: 'Conflicts' })
      .getByRole('checkbox', { name: 'Version vectors' })
      .check();
    await expect(data.getByRole('row', { name: /^x\b/ })).toContainText('2');
  });

  test('a failed node in a ring leaves its upstream owing changes until the ring is re-routed', async ({
    page,
  }) => {
    await page.goto('/?scenario=ml-ring-node-fails&seed=1');
    await seekTo(page, 2000);
    // n2 is down: n1 can only send to n2, so what it took since waits, resent and unanswered.
    await expect(page.getByRole('button', { name: /^n2, leader, down/ })).toBeVisible();
    const n1 = page.getByRole('button', { name: /^n1, leader, up, 2 keys, owes \d+ changes?$/ });
    await expect(n1).toBeVisible();
    await n1.click();
    const queues = page
      .getByRole('region', { name: 'Node n1' })
      .getByRole('list', { name: 'Replication queues of n1' });
    await expect(queues).toContainText('Sends to: n2');
    await expect(queues).toContainText(/Owes: n2 \d+ change/);

    // The operator's re-route at 2500 ms: n1 sends to n3 and owes nothing once n3 acknowledges.
    await seekTo(page, 3500);
    await expect(queues).toContainText('Sends to: n3');
    await expect(queues).toContainText('Owes: nothing');
    await expect(page.getByRole('button', { name: /^n4, leader, up, 2 keys$/ })).toBeVisible();
  });

  test('a person re-routes a ring around a failed node, and the owed changes flow again', async ({
    page,
  }) => {
    await page.goto('/?scenario=ml-ring-node-fails&seed=1');
    // n2 went down at 600 ms: n1 owes it x2 and y1, and n4 still holds x1.
    await seekTo(page, 1500);
    // By keyboard: a change resent from n1 may be passing over it, and a click would pick that.
    const n1 = page.getByRole('button', { name: /^n1, leader, up, 2 keys, owes \d+ changes?$/ });
    await n1.focus();
    await page.keyboard.press('Enter');
    const queues = page
      .getByRole('region', { name: 'Node n1' })
      .getByRole('list', { name: 'Replication queues of n1' });
    await expect(queues).toContainText('Sends to: n2');

    const topology = page.getByRole('group', { name: 'Topology' });
    await topology.getByRole('combobox', { name: 'Topology' }).selectOption('circular');
    const order = topology.getByRole('textbox', { name: 'Ring order' });
    // A ring through a node that does not exist is refused, naming the field; nothing changes.
    await order.fill('n1, n3, n9');
    await topology.getByRole('button', { name: 'Re-route' }).click();
    await expect(topology.getByRole('alert')).toHaveText(/^Ring order: "n9" is not a leader/);
    await expect(order).toHaveValue('n1, n3, n9');
    await expect(queues).toContainText('Sends to: n2');

    await order.fill('n1, n3, n4');
    await topology.getByRole('button', { name: 'Re-route' }).click();
    await expect(topology.getByRole('alert')).toHaveCount(0);
    await expect(queues).toContainText('Sends to: n3');
    // Before the scenario's own re-route at 2500 ms, what n1 owed has reached n3 and n4.
    await seekTo(page, 2400);
    await expect(queues).toContainText('Owes: nothing');
    await page.getByRole('button', { name: /^n4, leader, up, 2 keys$/ }).focus();
    await page.keyboard.press('Enter');
    const n4 = page.getByRole('region', { name: 'Node n4' });
    await expect(n4.getByRole('row', { name: /^x / })).toContainText('x2');
    // Stepping back before the re-route undoes it: n1 sends to n2 again.
    await seekTo(page, 1400);
    await page.getByRole('button', { name: /^n1, leader, up/ }).focus();
    await page.keyboard.press('Enter');
    await expect(queues).toContainText('Sends to: n2');
  });
});
