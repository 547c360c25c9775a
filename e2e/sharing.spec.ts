import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { nodeButton, readout, seekTo } from './app';
import { collectErrors } from './consoleErrors';
import { expect, test } from './test';

/** What the user sees that a link must restore: time, trace, every node's name, the inspector. */
async function visibleState(page: Page) {
  const nodes = page.getByRole('img', { name: /^Cluster diagram/ }).getByRole('button');
  return {
    time: await readout(page).textContent(),
    trace: await page.locator('.readout__hash').textContent(),
    nodes: await nodes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))),
    inspector: await page.getByRole('region', { name: /^Node / }).textContent(),
  };
}

const centreOf = async (page: Page, name: RegExp) => {
  const box = await page.getByRole('button', { name }).boundingBox();
  if (box === null) throw new Error(`no box for ${name}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

/** What an exported SVG holds, read by the browser's own parser. */
async function readSvg(page: Page, source: string) {
  return page.evaluate((text) => {
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    const all = (selector: string) => [...parsed.querySelectorAll(selector)];
    return {
      error: parsed.querySelector('parsererror') !== null,
      root: parsed.documentElement.localName,
      texts: all('text').map((t) => t.textContent),
      images: all('image').length,
      /** The legend's swatches. */
      circleFills: all('circle').map((c) => c.getAttribute('fill')),
      /** Filled shapes with arcs: message marks repainted as vectors. */
      arcFills: all('path')
        .filter((p) => /A/.test(p.getAttribute('d') ?? '') && p.getAttribute('fill') !== 'none')
        .map((p) => p.getAttribute('fill')),
      strokes: all('path[stroke]').map((p) => p.getAttribute('stroke')),
    };
  }, source);
}

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/\?run=/);
  return field.inputValue();
}

test.describe('sharing', () => {
  test('a share link opened in a fresh page shows the same state', async ({ page, browser }) => {
    // Two pages, each replaying the run: slow on a busy machine.
    test.slow();
    await page.goto('/?scenario=failover-loses-async-writes&seed=5');
    await seekTo(page, 400);
    await nodeButton(page, 'n1').click();
    await page.getByRole('button', { name: /^Crash\b/ }).click();
    await expect(nodeButton(page, 'n1')).toHaveAccessibleName(/^n1, leader, down/);
    await seekTo(page, 1300);
    // A step lands between events; the link must keep that too.
    await page.getByRole('button', { name: 'Step forward' }).click();
    await nodeButton(page, 'n2').click();
    const before = await visibleState(page);
    const link = await shareLink(page);
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Link / })).toBeVisible();

    const fresh = await (await browser.newContext()).newPage();
    const freshErrors = collectErrors(fresh);
    await fresh.goto(link);
    await expect(readout(fresh)).toHaveText(before.time ?? '');
    expect(await visibleState(fresh)).toEqual(before);
    await expect(fresh.getByRole('alert')).toHaveCount(0);
    expect(freshErrors).toEqual([]);
  });

  test('a link keeps changed quorum settings, the pictured quorums, a folded timeline, zoom and dragged nodes', async ({
    page,
    browser,
  }) => {
    test.slow();
    await page.goto('/?scenario=quorum-overlap&seed=3');
    const quorum = page.getByRole('region', { name: 'Quorum', exact: true });
    const field = (name: string) => quorum.getByRole('textbox', { name, exact: true });
    await field('w').fill('4');
    await field('r').fill('2');
    await quorum.getByRole('button', { name: 'Apply quorum settings' }).click();
    await expect(quorum.getByRole('status')).toContainText('w + r > n (4 + 2 > 5)');
    await seekTo(page, 2000);
    await page.getByRole('button', { name: /^user-2345, client/ }).click();
    await page
      .getByRole('region', { name: 'Client user-2345' })
      .getByRole('button', { name: /^\w+ read counter/ })
      .first()
      .click();
    const picture = page.getByRole('region', { name: 'Quorum picture' });
    await expect(picture).toContainText('(r = 2)');
    const timelineToggle = page.getByRole('button', { name: 'Timeline' });
    await timelineToggle.click();
    await expect(timelineToggle).toHaveAttribute('aria-expanded', 'false');
    // Zoom the cluster view, then drag a node out of its place.
    const n3 = await centreOf(page, /^n3, replica/);
    await page.mouse.move(n3.x - 40, n3.y - 120);
    await page.mouse.wheel(0, -300);
    const zoomed = await centreOf(page, /^n3, replica/);
    await page.mouse.move(zoomed.x, zoomed.y);
    await page.mouse.down();
    await page.mouse.move(zoomed.x + 70, zoomed.y - 30, { steps: 5 });
    await page.mouse.up();
    const before = {
      time: await readout(page).textContent(),
      trace: await page.locator('.readout__hash').textContent(),
      picture: await picture.textContent(),
      rule: await quorum.getByRole('status').textContent(),
      n3: await centreOf(page, /^n3, replica/),
      n1: await centreOf(page, /^n1, replica/),
    };
    expect(before.n3.x - zoomed.x).toBeGreaterThan(30);
    const link = await shareLink(page);

    const fresh = await (await browser.newContext()).newPage();
    const freshErrors = collectErrors(fresh);
    await fresh.goto(link);
    const freshQuorum = fresh.getByRole('region', { name: 'Quorum', exact: true });
    await expect(readout(fresh)).toHaveText(before.time ?? '');
    await expect(fresh.locator('.readout__hash')).toHaveText(before.trace ?? '');
    await expect(freshQuorum.getByRole('status')).toHaveText(before.rule ?? '');
    await expect(freshQuorum.getByRole('textbox', { name: 'w', exact: true })).toHaveValue('4');
    await expect(freshQuorum.getByRole('textbox', { name: 'r', exact: true })).toHaveValue('2');
    await expect(freshQuorum).toContainText('Changed from the scenario');
    await expect(fresh.getByRole('region', { name: 'Quorum picture' })).toHaveText(
      before.picture ?? '',
    );
    await expect(fresh.getByRole('button', { name: 'Timeline' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    for (const [name, at] of [
      [/^n3, replica/, before.n3],
      [/^n1, replica/, before.n1],
    ] as const) {
      const there = await centreOf(fresh, name);
      expect(Math.abs(there.x - at.x)).toBeLessThan(1);
      expect(Math.abs(there.y - at.y)).toBeLessThan(1);
    }
    await expect(fresh.getByRole('button', { name: 'Reset view' })).toBeEnabled();
    await expect(fresh.getByRole('alert')).toHaveCount(0);
    expect(freshErrors).toEqual([]);
  });

  test('a link keeps the timeline zoomed and panned away from the playhead', async ({
    page,
    browser,
  }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    await seekTo(page, 1500);
    const timeline = page.getByRole('region', { name: 'Space-time diagram' });
    const shown = (p: Page) =>
      p
        .getByRole('region', { name: 'Space-time diagram' })
        .getByText(/messages? and \d+ operations? shown/);
    await timeline.getByRole('button', { name: 'Zoom in time' }).click();
    await timeline.getByRole('button', { name: 'Zoom in time' }).click();
    await timeline.getByRole('button', { name: 'Follow playhead' }).click();
    await page.getByRole('slider', { name: 'Time' }).fill('2400');
    await expect(readout(page)).toHaveText('t = 2400 ms');
    // Not following: the window stays where it was while the time moves on.
    const window = /from (\d+) ms to (\d+) ms\.$/.exec((await shown(page).textContent()) ?? '');
    expect(Number(window?.[2]) - Number(window?.[1])).toBe(250);
    expect(Number(window?.[2])).toBeLessThan(2400);
    const link = await shareLink(page);

    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto(link);
    await expect(readout(fresh)).toHaveText('t = 2400 ms');
    await expect(shown(fresh)).toHaveText(
      new RegExp(`from ${window?.[1]} ms to ${window?.[2]} ms\\.$`),
    );
    await expect(
      fresh
        .getByRole('region', { name: 'Space-time diagram' })
        .getByRole('button', { name: 'Follow playhead' }),
    ).toHaveAttribute('aria-pressed', 'false');
  });

  test('a tampered link shows the error and the default scenario', async ({ page }) => {
    await page.goto('/?scenario=split-brain-fenced&seed=2');
    await seekTo(page, 900);
    const link = await shareLink(page);
    const url = new URL(link);
    const payload = url.searchParams.get('run') ?? '';
    url.searchParams.set(
      'run',
      `${payload.slice(0, 20)}<img src=x onerror=alert(1)>${payload.slice(40)}`,
    );
    await page.goto(url.toString());
    await expect(page.getByRole('alert')).toContainText(/^This link (is broken|cannot be opened)/);
    await expect(page.getByRole('alert')).toContainText('instead');
    await expect(page.locator('img[src=x]')).toHaveCount(0);
    const picker = page.getByRole('combobox', { name: 'Scenario' });
    const firstId = await picker.locator('option').first().getAttribute('value');
    await expect(picker).toHaveValue(firstId ?? '');
    await expect(readout(page)).toHaveText('t = 0 ms');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  });

  test('the embed URL plays inside an iframe on another page', async ({ page }) => {
    await page.goto('/?scenario=sync-vs-async&seed=1');
    await seekTo(page, 200);
    const link = await shareLink(page);
    const code = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
    const embed = new URL(link);
    embed.searchParams.set('embed', '1');
    expect(code).toContain(`src="${embed.toString().replaceAll('&', '&amp;')}"`);
    expect(code).toMatch(/\[!\[Replica Lab: .*\]\(sync-vs-async-cluster\.png\)\]\(http/);

    await page.setContent(
      `<h1>My notes</h1><iframe title="Live diagram" src="${embed}" width="900" height="560"></iframe>`,
    );
    const frame = page.frameLocator('iframe[title="Live diagram"]');
    await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(frame.getByRole('combobox', { name: 'Scenario' })).toHaveCount(0);
    const time = frame.getByRole('status').filter({ hasText: /^t = \d+ ms$/ });
    await expect(time).toHaveText('t = 200 ms');
    await frame.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(frame.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect
      .poll(async () => Number(/\d+/.exec((await time.textContent()) ?? '')?.[0]))
      .toBeGreaterThan(200);
    await frame.getByRole('button', { name: 'Pause', exact: true }).click();
    await frame.getByRole('button', { name: 'Step forward' }).click();
    await expect(frame.getByRole('button', { name: /^leader,/ })).toBeVisible();
  });

  test('Export SVG and Export PNG download pictures of the cluster and of the timeline', async ({
    page,
  }) => {
    // Four pictures, two of them PNG-encoded at twice the screen's size: slow on a busy machine.
    test.slow();
    await page.goto('/?scenario=failover-loses-async-writes&seed=1');
    await seekTo(page, 700);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const save = async (name: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name, exact: true }).click(),
      ]);
      const path = await download.path();
      return { file: download.suggestedFilename(), bytes: readFileSync(path) };
    };

    const svg = await save('Export SVG');
    expect(svg.file).toBe('failover-loses-async-writes-cluster.svg');
    const doc = await readSvg(page, svg.bytes.toString('utf8'));
    expect(doc.error).toBe(false);
    expect(doc.root).toBe('svg');
    for (const id of ['n1', 'n2', 'n3']) expect(doc.texts).toContain(id);
    expect(doc.texts).toContain('Replication');
    expect(doc.texts.some((t) => /failover/i.test(t ?? ''))).toBe(true);
    // Vector through and through: the messages in flight are circles (arcs) in the legend's
    // colours, not a picture of the canvas.
    expect(doc.images).toBe(0);
    expect(
      Number(await page.locator('canvas.cluster__messages').getAttribute('data-in-flight')),
    ).toBeGreaterThan(0);
    const legendColours = doc.circleFills;
    expect(doc.arcFills.length).toBeGreaterThan(0);
    for (const fill of doc.arcFills) expect(legendColours).toContain(fill);

    const png = await save('Export PNG');
    expect(png.file).toBe('failover-loses-async-writes-cluster.png');
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(400);

    await page.getByRole('radio', { name: 'Space-time diagram' }).check();
    const timeline = await save('Export SVG');
    expect(timeline.file).toBe('failover-loses-async-writes-space-time.svg');
    const lanes = timeline.bytes.toString('utf8');
    for (const id of ['n1', 'n2', 'n3']) expect(lanes).toContain(`>${id}</text>`);
    // Lane names sit against the diagram, right-aligned as on screen.
    expect(lanes).toMatch(/<text[^>]*text-anchor="end"[^>]*>n1<\/text>/);
    const diagram = await readSvg(page, lanes);
    expect(diagram.error).toBe(false);
    expect(diagram.images).toBe(0);
    // Arrows are stroked lines in message colours; operations are labelled bars, as text.
    expect(diagram.strokes.filter((c) => diagram.circleFills.includes(c)).length).toBeGreaterThan(
      0,
    );
    expect(diagram.texts.some((t) => /^[WR] /.test(t ?? ''))).toBe(true);
    const timelinePng = await save('Export PNG');
    expect(timelinePng.bytes.subarray(1, 4).toString()).toBe('PNG');
  });
});

test.describe('exported runs and import', () => {
  test('Export run, then Import it elsewhere (file picker and drop); a bad file changes nothing', async ({
    page,
  }) => {
    // Three files opened and a run replayed each time: slow on a busy machine.
    test.slow();
    await page.goto('/?scenario=failover-loses-async-writes&seed=6');
    await seekTo(page, 500);
    await nodeButton(page, 'n2').click();
    await page.getByRole('button', { name: /^Crash\b/ }).click();
    await seekTo(page, 1100);
    const trace = await page.locator('.readout__hash').textContent();
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export run', exact: true }).click(),
    ]);
    const runText = readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toBe('failover-loses-async-writes-seed6-t1100.run.json');
    await page.getByRole('button', { name: 'Close', exact: true }).click();

    // Another page, another scenario: the file picker opens the run where it was saved.
    await page.goto('/?scenario=sync-vs-async');
    const picker = page.getByLabel('Scenario or run file');
    await picker.setInputFiles({
      name: 'run.json',
      mimeType: 'application/json',
      buffer: Buffer.from(runText),
    });
    await expect(readout(page)).toHaveText('t = 1100 ms');
    await expect(page.locator('.readout__hash')).toHaveText(trace ?? '');
    await expect(nodeButton(page, 'n2')).toHaveAccessibleName(/down/);

    // A file with a bad field: the notice names it, and the run on screen stays.
    const bad = JSON.parse(runText);
    bad.inputs[0].node = 'n42';
    await picker.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await expect(page.getByRole('alert')).toContainText(
      'Could not open bad.json: inputs[0].node: no node "n42"',
    );
    await expect(readout(page)).toHaveText('t = 1100 ms');
    await expect(page.locator('.readout__hash')).toHaveText(trace ?? '');

    // Dropping a scenario file on the page opens it at time 0.
    const scenario = { ...JSON.parse(runText).scenario, id: 'my-copy', title: 'My dropped copy' };
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'mine.json', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      }
    }, JSON.stringify(scenario));
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('my-copy');
    await expect(page.getByRole('option', { name: 'My dropped copy' })).toBeAttached();
    await expect(readout(page)).toHaveText('t = 0 ms');
  });
});
