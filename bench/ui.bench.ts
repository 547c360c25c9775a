/**
 * `npm run bench:ui`: the visualizer's frame rate in real (headless) Chromium while a busy
 * cluster plays, measured on the page in front (a background page is throttled). It builds the
 * app, serves it with Vite's preview server, opens the stress scenarios and counts animation
 * frames while messages move.
 *
 * Targets (visualizer issue): 60 fps — the display's cap — with 5 nodes and ~200 messages in
 * flight; at least 50 fps with 25 nodes and ~1,000. MISS is printed, the exit code stays 0: a
 * benchmark reports figures, it is not a test.
 */
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs';

const PORT = Number(process.env.BENCH_UI_PORT ?? 4299);
/** Simulated time by which the stress scenarios have their slow links full of messages. */
const BUSY_FROM_MS = 3000;
const WARM_UP_MS = 1000;
const MEASURE_MS = 5000;

interface Case {
  scenario: string;
  label: string;
  targetFps: number;
}

const CASES: Case[] = [
  { scenario: 'stress-5', label: '5 nodes, ~200 messages', targetFps: 58 },
  { scenario: 'stress-25', label: '25 nodes, ~1,000 messages', targetFps: 50 },
];

interface FrameStats {
  fps: number;
  p95FrameMs: number;
  worstFrameMs: number;
  inFlightMin: number;
  inFlightMax: number;
}

/** Runs in the page: counts frames for `ms` and samples the number of messages drawn. */
function measureFrames(ms: number): Promise<FrameStats> {
  return new Promise((resolve) => {
    const gaps: number[] = [];
    const inFlight: number[] = [];
    const readInFlight = () => {
      const text = document.querySelector('[data-in-flight]')?.getAttribute('data-in-flight');
      if (text) inFlight.push(Number(text));
    };
    let start = -1;
    let last = -1;
    const tick = (now: number) => {
      if (start < 0) start = now;
      else gaps.push(now - last);
      last = now;
      if (gaps.length % 30 === 0) readInFlight();
      if (now - start < ms) requestAnimationFrame(tick);
      else {
        const sorted = [...gaps].sort((a, b) => a - b);
        resolve({
          fps: (gaps.length * 1000) / (now - start),
          p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
          worstFrameMs: sorted[sorted.length - 1] ?? 0,
          inFlightMin: inFlight.length ? Math.min(...inFlight) : 0,
          inFlightMax: inFlight.length ? Math.max(...inFlight) : 0,
        });
      }
    };
    requestAnimationFrame(tick);
  });
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (executablePath === null) {
    console.error('bench:ui needs Chromium: apt-get install -y chromium, or set CHROMIUM_PATH.');
    process.exit(1);
  }
  console.log('Building the app …');
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { port: PORT, strictPort: true }, logLevel: 'warn' });
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // tsx compiles with esbuild's keepNames, which wraps functions in a `__name` helper that
    // exists in Node but not in the page `measureFrames` is sent to: give the page a stand-in.
    await page.addInitScript('window.__name = (fn) => fn');
    console.log(
      `\nVisualizer frame rate (headless Chromium, 1280x720, ${MEASURE_MS / 1000} s each)`,
    );
    console.log('----------------------------------------------------------------------');
    for (const c of CASES) {
      await page.goto(`http://localhost:${PORT}/?scenario=${c.scenario}&seed=1`);
      // Jump to where the cluster is busy (its slow links full), play at 1x, then measure.
      await page.getByRole('slider', { name: 'Time' }).fill(String(BUSY_FROM_MS));
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForTimeout(WARM_UP_MS);
      const stats = await page.evaluate(measureFrames, MEASURE_MS);
      const verdict = stats.fps >= c.targetFps ? 'PASS' : 'MISS';
      console.log(
        `  ${c.label.padEnd(27)} ${stats.fps.toFixed(1).padStart(5)} fps  ` +
          `p95 frame ${stats.p95FrameMs.toFixed(1)} ms, worst ${stats.worstFrameMs.toFixed(1)} ms, ` +
          `${stats.inFlightMin}–${stats.inFlightMax} in flight  ` +
          `(target ≥ ${c.targetFps}) ${verdict}`,
      );
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

await main();
