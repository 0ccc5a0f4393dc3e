import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COLUMN_CLASSIFICATION,
  type ColumnClass,
  UNCLASSIFIED_TABLES,
} from '../src/platform/db/column-classification.js';
import type { Db, DbKind } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createTestDatabase, DB_KINDS } from './support.js';

/** Every column of the migrated schema whose type holds text, as `table.column`, read from the catalogue. */
async function textColumns(db: Db, kind: DbKind): Promise<string[]> {
  if (kind === 'sqlite') {
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
    const out: string[] = [];
    for (const { name } of tables.rows) {
      const cols = await sql<{
        name: string;
        type: string;
      }>`select name, type from pragma_table_info(${name})`.execute(db);
      for (const c of cols.rows) if (/char|clob|text|json/i.test(c.type)) out.push(`${name}.${c.name}`);
    }
    return out.sort();
  }
  const cols = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'xml', 'USER-DEFINED')
  `.execute(db);
  return cols.rows.map((r) => `${r.table_name}.${r.column_name}`).sort();
}

const KINDS = /^(encrypted|keyed_hash|secret_hash)$|^(not_personal|clear_by_design|gap): \S.{9,}$/;

describe.each(DB_KINDS)('column classification against the migrated schema on %s', (kind) => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let columns: string[];
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    await migrateToLatest(handle.handle.db);
    columns = (await textColumns(handle.handle.db, kind)).filter(
      (c) => !UNCLASSIFIED_TABLES.has(c.slice(0, c.indexOf('.'))),
    );
  });
  afterAll(async () => {
    await handle.handle.close();
    await handle.cleanup();
  });

  it('finds the text columns (the catalogue query works)', () => {
    expect(columns.length).toBeGreaterThan(300);
    expect(columns).toContain('persons.full_name_enc');
    expect(columns).toContain('meetings.minutes_enc');
  });

  it('classifies every text column in the one place', () => {
    const unclassified = columns.filter((c) => {
      const [table, column] = c.split('.') as [string, string];
      return COLUMN_CLASSIFICATION[table]?.[column] === undefined;
    });
    expect(
      unclassified,
      'classify these in server/src/platform/db/column-classification.ts (and docs/data-classification.md)',
    ).toEqual([]);
  });

  it('classifies no column the schema does not have (the list stays true)', () => {
    const present = new Set(columns);
    const stale = Object.entries(COLUMN_CLASSIFICATION).flatMap(([table, cols]) =>
      Object.keys(cols)
        .map((c) => `${table}.${c}`)
        .filter((tc) => !present.has(tc)),
    );
    expect(stale).toEqual([]);
  });

  it('gives every classification a known kind, and a reason unless it is a ciphertext or a hash', () => {
    const bad = Object.entries(COLUMN_CLASSIFICATION).flatMap(([table, cols]) =>
      Object.entries(cols as Record<string, ColumnClass>)
        .filter(([, v]) => !KINDS.test(v))
        .map(([c, v]) => `${table}.${c}: ${v}`),
    );
    expect(bad).toEqual([]);
  });

  it('classifies as encrypted every column named as a ciphertext (_enc)', () => {
    const named = columns.filter((c) => c.endsWith('_enc'));
    expect(named.length).toBeGreaterThan(40);
    for (const c of named) {
      const [table, column] = c.split('.') as [string, string];
      expect(COLUMN_CLASSIFICATION[table]?.[column], c).toBe('encrypted');
    }
  });
});
