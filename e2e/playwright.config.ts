import { defineConfig } from '@playwright/test'

import { E2E_DATABASE_URL, E2E_DIR, PORT, SINK_HTTP, SINK_HTTP_PORT, SMTP_PORT } from './support/e2e-env'

/** Debian's Chromium, with the flags that keep it off the (closed) network. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: `../test-results/e2e-${PORT}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: `../test-results/playwright-${PORT}.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: 'npx tsx e2e/support/smtp-sink.ts',
      cwd: '..',
      url: `${SINK_HTTP}/health`,
      reuseExistingServer: false,
      env: { SINK_SMTP_PORT: String(SMTP_PORT), SINK_HTTP_PORT: String(SINK_HTTP_PORT) },
    },
    {
      command: `rm -rf ${E2E_DIR} && npx tsx app/server.ts --demo`,
      cwd: '..',
      url: `http://127.0.0.1:${PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        NODE_ENV: 'production',
        PORT: String(PORT),
        APP_URL: `http://127.0.0.1:${PORT}`,
        DATABASE_URL: E2E_DATABASE_URL,
        STORAGE_DIR: `${E2E_DIR}/files`,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        SESSION_SECRET: 'e2e-sessie-geheim-e2e-sessie-geheim-1234',
        OUTBOX_INTERVAL_MS: '200',
        LOG_LEVEL: 'warn',
      },
    },
  ],
})
