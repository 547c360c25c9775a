/** Locates a Chromium executable for Playwright: the first existing path, or null. */
export function findChromium(): string | null;

/** Flags for a headless Chromium on this kind of machine. */
export const CHROMIUM_ARGS: string[];
