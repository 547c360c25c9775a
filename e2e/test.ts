/**
 * The specs' `test`: Playwright's, with every page the test uses watched for console errors and
 * uncaught exceptions; a test fails if its page logged any. Specs import `test` and `expect`
 * from here, so no spec can forget the check.
 */
import { test as base, expect } from '@playwright/test';
import { collectErrors } from './consoleErrors';

export const test = base.extend<{ noConsoleErrors: undefined }>({
  noConsoleErrors: [
    async ({ page }, use) => {
      const errors = collectErrors(page);
      await use(undefined);
      expect(errors, 'console errors and uncaught exceptions on the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
