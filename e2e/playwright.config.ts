// End-to-end tests: the real server (built bundle, PostgreSQL) and the real PWA
// in Debian's Chromium. Never a downloaded browser: it cannot work here.
import { defineConfig } from '@playwright/test';
import { E2E_BASE_URL } from './support/server.js';

export default defineConfig({
  testDir: './tests',
  outputDir: './artifacts/test-output',
  globalSetup: './support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json']],
  use: {
    baseURL: E2E_BASE_URL,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
