/**
 * End-to-end tests: the React UI served by `mcp-tray serve` (headless host), in the system's
 * Chromium (CHROMIUM_PATH or /usr/bin/chromium; Playwright never downloads a browser here).
 * e2e/support/global-setup.ts starts the host in a sandbox; the specs share it, one at a time,
 * since they drive one manager.
 */
import { defineConfig } from '@playwright/test';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/support/global-setup.ts',
  // Not test-results itself: Playwright empties its output folder, and vitest's report lives there.
  outputDir: 'test-results/playwright',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [
    ['list'],
    // scripts/test.mjs reads this report (and names it through PLAYWRIGHT_JSON_OUTPUT_NAME).
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
