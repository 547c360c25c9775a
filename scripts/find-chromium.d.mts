/** Locates a Chromium executable for Playwright: the first existing path, or null. */
export function findChromium(): string | null;
