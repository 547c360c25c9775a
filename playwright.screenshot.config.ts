/** `npm run screenshot`: the e2e set-up, running only the documentation screenshot. */
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({ ...base, testMatch: '**/*.shot.ts', retries: 0 });
