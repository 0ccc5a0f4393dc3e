// Baseline for the case list: node:http, no framework, no session, no validation, no audit, no
// decryption. It builds the very statement the app runs (the repository's listStatement) and sends
// it straight through the driver (better-sqlite3 or pg).
import http from 'node:http';
import path from 'node:path';
import { caseListQuerySchema, permissionsFor } from '@sinergi/core';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { visibilityOf } from '../../server/src/modules/cases/case.policy.js';
import { caseRepository } from '../../server/src/modules/cases/case.repository.js';
import { caseSearchFor } from '../../server/src/modules/cases/case-list.service.js';
import { FieldCipher } from '../../server/src/platform/crypto.js';
import type { Database } from '../../server/src/platform/db/schema.js';
import { loadKeyring, searchKeyOf } from '../../server/src/platform/keys/keyring.js';

const url = process.env.DATABASE_URL;
const dataDir = process.env.DATA_DIR ?? './data';
const keyring = loadKeyring({
  dataKey: process.env.SINERGI_ENCRYPTION_KEY,
  dataKeys: process.env.SINERGI_ENCRYPTION_KEYS,
  keyCommand: process.env.SINERGI_KEY_COMMAND,
  dataDir,
  mayCreate: false,
});
const cipher = new FieldCipher(keyring.keys, keyring.newest, { derived: searchKeyOf(keyring) });
const actor = {
  userId: process.env.BENCH_USER_ID!,
  username: 'bench',
  agencyId: process.env.BENCH_AGENCY_ID!,
  taskForceId: process.env.BENCH_TASK_FORCE_ID!,
  roles: [process.env.BENCH_ROLE as 'case_manager'],
  permissions: permissionsFor([process.env.BENCH_ROLE as 'case_manager']),
  sessionId: 'bench',
};

// Kysely only compiles here; execution goes to the driver below.
const sqlite = url ? null : new SQLite(path.join(dataDir, 'sinergi.sqlite'), { readonly: true });
// The same page cache and memory map as the app's connection.
sqlite?.pragma('cache_size = -65536');
sqlite?.pragma('mmap_size = 268435456');
sqlite?.pragma('temp_store = MEMORY');
const pool = url ? new pg.Pool({ connectionString: url, max: 10 }) : null;
const builder = new Kysely<Database>({
  dialect: url ? new PostgresDialect({ pool: pool! }) : new SqliteDialect({ database: sqlite! }),
});

async function run(compiled: { sql: string; parameters: readonly unknown[] }): Promise<unknown[]> {
  if (pool) return (await pool.query(compiled.sql, compiled.parameters as unknown[])).rows;
  return sqlite!.prepare(compiled.sql).all(...(compiled.parameters as unknown[]));
}

// Decided once at start; the app decides it per request.
const visibility = await visibilityOf(builder, actor);

http
  .createServer(async (req, res) => {
    if (req.url === '/ready') return res.end('ok');
    const params = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
    const f = caseListQuerySchema.parse(params);
    const { statement } = caseRepository.listStatement(builder, visibility, f, {
      now: new Date().toISOString(),
      timeZone: 'Asia/Makassar',
      search: f.q ? caseSearchFor(cipher, f.q) : undefined,
      // The page carries the same reader columns as the app's (team flag, victims' encrypted names).
      reader: {
        userId: actor.userId,
        identities: actor.permissions.has('person.identity.read'),
        dialect: url ? 'postgres' : 'sqlite',
      },
    });
    const found = (await run(statement.compile())) as { id: string | null; total_n: number | string }[];
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        items: found.filter((r) => r.id !== null),
        total: Number(found[0]?.total_n ?? 0),
        page: f.page,
        pageSize: f.pageSize,
      }),
    );
  })
  .listen(Number(process.env.PORT ?? 3911), '127.0.0.1');
