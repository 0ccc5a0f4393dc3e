#!/usr/bin/env node
// The whole test suite, every tier: lint and types, unit and integration tests on SQLite and
// PostgreSQL (vitest), and browser tests (Playwright in Debian's Chromium) against the built app.
// Installs what a fresh machine lacks; never skips a tier: a missing tool is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const results = [];

function step(name, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = Math.round((Date.now() - started) / 1000);
  const ok = r.status === 0;
  results.push({ name, ok, seconds });
  if (!ok) {
    summary();
    console.error(`\nFAILED: ${name} (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

function summary() {
  console.log('\n=== Summary ===');
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds}s)`);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Missing ${CHROMIUM} for the browser tests. Install Debian's chromium: sudo apt-get install -y chromium`,
    );
    process.exit(1);
  }
  console.log(`\n=== Installing Debian's chromium for the browser tests ===`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env })
      : update;
  if (install.status !== 0 || !existsSync(CHROMIUM)) {
    console.error(`Could not install chromium with apt-get; the browser tests need ${CHROMIUM}.`);
    process.exit(1);
  }
}

ensureChromium();
step('lint (biome)', 'npx', ['biome', 'check', '.']);
step('build (core, server, web)', 'npm', ['run', 'build']);
step('types (tests, e2e)', 'npx', ['tsc', '-p', 'server/tsconfig.test.json']);
step('e2e types', 'npm', ['run', 'typecheck', '-w', '@sinergi/e2e']);
step('bench types', 'npx', ['tsc', '-p', 'bench/tsconfig.json']);
step('unit and integration tests (SQLite and PostgreSQL)', 'npx', ['vitest', 'run']);
step('browser and API tests (Playwright, Chromium)', 'npm', ['test', '-w', '@sinergi/e2e']);
summary();
console.log('\nAll test tiers passed.');
