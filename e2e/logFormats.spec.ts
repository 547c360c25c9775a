import { seekTo } from './app';
import { expect, test } from './test';

test.describe('replication log formats', () => {
  test('the same statements diverge under statement-based replication and agree row-based', async ({
    page,
  }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    const formatPanel = page.getByRole('region', { name: 'Log format' });
    const agreement = formatPanel.getByRole('status', { name: 'Replica agreement' });
    const format = formatPanel.getByRole('combobox', { name: 'Log format' });
    await format.selectOption({ label: 'Statement-based' });

    const clients = page.getByRole('region', { name: 'Clients' });
    const statement = clients.getByRole('textbox', { name: 'Statement' });
    await statement.fill('INSERT INTO notes (at, r) VALUES (NOW(), RAND())');
    await clients.getByRole('button', { name: 'Run statement' }).click();
    await seekTo(page, 2000);
    await expect(agreement).toHaveText(
      /^The live replicas differ on 2 keys: notes\/1\.at, notes\/1\.r\.$/,
    );

    // Same seed, same writes, rows in the log instead of statements: the replicas agree.
    await format.selectOption({ label: 'Logical (row-based)' });
    await expect(page.getByRole('slider', { name: 'Time' })).toHaveValue('2000');
    await expect(agreement).toHaveText('The live replicas hold the same data.');

    // Back to statements, with the leader substituting its values: they agree as well.
    await format.selectOption({ label: 'Statement-based' });
    await expect(agreement).toHaveText(/differ on 2 keys/);
    await formatPanel.getByRole('checkbox', { name: 'Substitute NOW() and RAND()' }).check();
    await expect(agreement).toHaveText('The live replicas hold the same data.');

    // The leader's log shows the write as this format ships it.
    await page.getByRole('button', { name: /^leader,/ }).click();
    const log = page
      .getByRole('region', { name: 'Node leader' })
      .getByRole('list', { name: 'Replication log of leader' });
    await expect(log.getByRole('list', { name: 'As shipped in this log format' })).toContainText(
      /SET TIMESTAMP = \d+; SET RAND_SEED = \d+INSERT INTO notes/,
    );
  });

  test('a statement that does not parse is refused with its position, and the text is kept', async ({
    page,
  }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    const clients = page.getByRole('region', { name: 'Clients' });
    const statement = clients.getByRole('textbox', { name: 'Statement' });
    await statement.fill('UPDATE t SET n = n + WHERE id = 1');
    await clients.getByRole('button', { name: 'Run statement' }).click();
    await expect(clients.getByRole('alert')).toHaveText(
      'Statement: position 22: expected a value, a column, NOW() or RAND(), found "WHERE"',
    );
    await expect(statement).toHaveValue('UPDATE t SET n = n + WHERE id = 1');
    await expect(statement).toHaveAttribute('aria-invalid', 'true');
  });

  test('the comparison view shows one statement in all four formats', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    const clients = page.getByRole('region', { name: 'Clients' });
    await clients
      .getByRole('textbox', { name: 'Statement' })
      .fill("INSERT INTO users (name) VALUES ('ada')");
    await clients.getByRole('button', { name: 'Compare formats' }).click();
    const compare = clients.getByRole('list', { name: 'The statement in each log format' });
    await expect(compare.getByRole('list', { name: 'As Statement-based ships it' })).toHaveText(
      "INSERT INTO users (name) VALUES ('ada')",
    );
    await expect(compare.getByRole('list', { name: 'As WAL shipping ships it' })).toContainText(
      /v1 page \d+ @\d+: /,
    );
    await expect(
      compare.getByRole('list', { name: 'As Logical (row-based) ships it' }),
    ).toContainText("INSERT users id=1 {id=1, name='ada'}");
    await expect(compare.getByRole('list', { name: 'As Trigger-based ships it' })).toContainText(
      'changes table: INSERT users id=1',
    );
  });

  test('an upgraded follower cannot apply WAL records, and can apply logical ones', async ({
    page,
  }) => {
    await page.goto('/?scenario=wal-upgrade-needs-downtime&seed=1');
    await seekTo(page, 4500);
    const formatPanel = page.getByRole('region', { name: 'Log format' });
    const agreement = formatPanel.getByRole('status', { name: 'Replica agreement' });
    await expect(agreement).toHaveText(/^The live replicas differ on \d+ keys/);
    await page.getByRole('button', { name: /^n3,/ }).click();
    const inspector = page.getByRole('region', { name: 'Node n3' });
    await expect(inspector).toContainText('Storage engine v2.');
    await expect(inspector).toContainText(
      'Replication stopped at #3: WAL records written by v1, this engine is v2.',
    );

    await formatPanel
      .getByRole('combobox', { name: 'Log format' })
      .selectOption({ label: 'Logical (row-based)' });
    await expect(agreement).toHaveText('The live replicas hold the same data.');
  });
});
