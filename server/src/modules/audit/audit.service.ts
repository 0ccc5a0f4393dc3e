import type { AuditFilter } from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { countAuditEvents, findAuditEvents } from './audit.repository.js';
import { csvLine } from './audit-csv.js';

/** The most rows one CSV export carries; a longer trail is narrowed with filters. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;
const EXPORT_BATCH = 2_000;

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock'>;

function checkRange(f: AuditFilter): void {
  if (f.from && f.to && new Date(f.to) <= new Date(f.from)) throw errors.validation({ to: 'date_range' });
}

/** Names of the filters in use, for the audit event of the search itself (never their values). */
function filterNames(f: AuditFilter): string[] {
  return Object.entries(f)
    .filter(([k, v]) => v !== undefined && v !== '' && k !== 'page' && k !== 'pageSize')
    .map(([k]) => k);
}

/**
 * The administrator's audit view: one page of its own task force's filtered trail, newest first.
 * Audited.
 */
export async function searchAudit(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  query: AuditFilter & { page: number; pageSize: number },
) {
  const { page, pageSize, ...filter } = query;
  checkRange(filter);
  const total = await countAuditEvents(deps.db, actor.taskForceId, filter);
  const items = await findAuditEvents(deps.db, actor.taskForceId, filter, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  await inTransaction(deps, actor, meta, (_trx, audit) =>
    audit({ action: 'audit.read', details: { filters: filterNames(filter) } }),
  );
  return { items, total, page, pageSize };
}

const CSV_HEADERS = {
  id: [
    'No',
    'Waktu (UTC)',
    'Pengguna',
    'Instansi',
    'Tindakan',
    'Jenis data',
    'ID data',
    'Hasil',
    'IP',
    'ID permintaan',
    'Rincian',
  ],
  en: [
    'No',
    'Time (UTC)',
    'User',
    'Agency',
    'Action',
    'Record type',
    'Record id',
    'Outcome',
    'IP',
    'Request id',
    'Details',
  ],
};

/**
 * The task force's filtered trail as CSV (UTF-8 with a byte-order mark so spreadsheet programs read it right),
 * cells neutralised against formulas, at most AUDIT_EXPORT_MAX_ROWS rows. The export is itself an
 * audit event, written before the file leaves.
 */
export async function exportAuditCsv(deps: Deps, actor: Actor, meta: RequestMeta, filter: AuditFilter) {
  checkRange(filter);
  const parts: string[] = ['\uFEFF', csvLine(CSV_HEADERS[meta.lang])];
  let rows = 0;
  let beforeSeq: number | undefined;
  let truncated = false;
  for (;;) {
    const batch = await findAuditEvents(deps.db, actor.taskForceId, filter, {
      limit: EXPORT_BATCH,
      beforeSeq,
    });
    for (const e of batch) {
      if (rows >= AUDIT_EXPORT_MAX_ROWS) {
        truncated = true;
        break;
      }
      parts.push(
        csvLine([
          e.seq,
          e.occurredAt,
          e.actorUsername,
          e.actorAgencyShortName,
          e.action,
          e.entityType,
          e.entityId,
          e.outcome,
          e.ip,
          e.requestId,
          Object.keys(e.details).length ? JSON.stringify(e.details) : '',
        ]),
      );
      rows++;
    }
    if (truncated || batch.length < EXPORT_BATCH) break;
    beforeSeq = batch[batch.length - 1]!.seq;
  }
  await inTransaction(deps, actor, meta, (_trx, audit) =>
    audit({
      action: 'audit.exported',
      details: { format: 'csv', rows, truncated, filters: filterNames(filter) },
    }),
  );
  return { csv: parts.join(''), rows, truncated };
}
