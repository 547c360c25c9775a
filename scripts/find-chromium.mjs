import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Chromium builds in Playwright's download cache, newest revision first. */
function playwrightCacheCandidates() {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return [];
  const revision = (name) => Number(name.slice('chromium-'.length)) || 0;
  const builds = readdirSync(cache)
    .filter((name) => /^chromium-\d+$/.test(name))
    .sort((a, b) => revision(b) - revision(a));
  const candidates = [];
  for (const build of builds) {
    const dir = join(cache, build);
    for (const sub of readdirSync(dir).filter((name) => name.startsWith('chrome-linux'))) {
      candidates.push(join(dir, sub, 'chrome'));
    }
  }
  return candidates;
}

/**
 * Locates a Chromium executable for Playwright.
 * @returns {string | null} the first existing path, or null when none is found.
 */
export function findChromium() {
  const fromEnv = [process.env.CHROMIUM_PATH, process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH];
  for (const candidate of [...fromEnv, ...SYSTEM_PATHS, ...playwrightCacheCandidates()]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Flags for a headless Chromium here: no sandbox (CI runs as root), no GPU, and none of the
 * background traffic this offline machine cannot serve.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
