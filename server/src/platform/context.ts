import type { Language, Permission, Role } from '@sinergi/core';
import type { Config } from '../config.js';
import { type AuditEventInput, recordAudit } from './audit.js';
import type { Clock } from './clock.js';
import type { FieldCipher } from './crypto.js';
import type { Db, DbKind } from './db/connect.js';
import type { ReferenceData } from './reference.js';

/** What services need from the platform; tests pass their own. */
export interface AppDeps {
  db: Db;
  dbKind: DbKind;
  config: Config;
  clock: Clock;
  reference: ReferenceData;
  /** Encrypts personal fields at rest and makes their search hashes. */
  cipher: FieldCipher;
}

/** The signed-in user a service acts for. */
export interface Actor {
  userId: string;
  username: string;
  agencyId: string;
  taskForceId: string | null;
  roles: Role[];
  permissions: Set<Permission>;
  sessionId: string;
}

/** Where a request came from, for the audit trail. */
export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  lang: Language;
}

/** Runs `fn` in a transaction and gives it an audit writer bound to that transaction. */
export async function inTransaction<T>(
  deps: Pick<AppDeps, 'db' | 'dbKind' | 'clock'>,
  actor: { userId: string | null; agencyId: string | null },
  meta: Pick<RequestMeta, 'requestId' | 'ip'>,
  fn: (trx: Db, audit: (event: AuditEventInput) => Promise<void>) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    const audit = (event: AuditEventInput) =>
      recordAudit(trx, deps.dbKind, actor, meta, event, deps.clock.now());
    return fn(trx, audit);
  });
}
