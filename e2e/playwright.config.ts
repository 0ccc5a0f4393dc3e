import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// SINERGI_E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.SINERGI_E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// One fresh database per run. Workers load this file again; they inherit the directory from the runner.
process.env.SINERGI_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-e2e-'));
const DATA_DIR = process.env.SINERGI_E2E_DATA_DIR;

export default defineConfig({
  testDir: 'tests',
  globalTeardown: './global-teardown.ts',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    ...devices['Desktop Chrome'],
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
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
  webServer: {
    command: 'node ../server/bin/sinergi.js serve --demo',
    cwd: import.meta.dirname,
    url: `${BASE_URL}/api/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      DATA_DIR,
      SINERGI_DEMO_PASSWORD: 'Lingko-Demo-2026',
      LOGIN_RATE_LIMIT: '1000',
      LOG_LEVEL: 'warn',
    },
  },
});
