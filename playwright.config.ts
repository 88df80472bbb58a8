import { defineConfig } from '@playwright/test'

/**
 * Browser tests drive Debian's Chromium (never a downloaded browser) against the built server,
 * started per worker by the fixtures in tests/e2e/fixtures.ts.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Two workers (each with its own server) on CI's two cores: about 2 of 13 minutes saved.
  workers: process.env.CI ? 2 : 1,
  retries: 0,
  outputDir: process.env.PW_OUTPUT_DIR || 'test-results/artifacts',
  reporter: [['list'], ['json', { outputFile: process.env.PW_JSON_REPORT || 'test-results/e2e.json' }]],
  use: {
    viewport: { width: 1280, height: 860 },
    // The interface follows the browser's language before sign-in: English unless a test says otherwise.
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
})
