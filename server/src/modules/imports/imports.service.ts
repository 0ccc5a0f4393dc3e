import { randomUUID } from 'node:crypto';
import {
  fieldMessage,
  IMPORT_FIELDS,
  IMPORT_MAX_ROWS,
  type ImportField,
  type ImportJob,
  type ImportMapping,
  type ImportMappingInput,
  type ImportRejectedRow,
  type Language,
  mappingProblems,
  type ParsedRow,
  parseRegisterRow,
  type RowProblem,
  type SavedMapping,
  suggestMapping,
} from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { caseRepository } from '../cases/case.repository.js';
import { checkNewCase, insertNewCase } from '../cases/case.service.js';
import { checkNewPerson, insertNewPerson } from '../persons/person.service.js';
import { taskForceContext, todayIn } from '../taskforces/taskforce.service.js';
import { importsRepository as repo } from './imports.repository.js';
import type { ImportJobTable } from './imports.tables.js';
import { type RegisterTable, readCsv, readXlsx, UnreadableFile } from './register-file.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'reference' | 'cipher'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip' | 'lang'>;

/** Rows per transaction when importing: a failure loses at most one batch, never half a row. */
export const IMPORT_BATCH_SIZE = 50;
/** A running import without a heartbeat for this long has lost its server and may be resumed. */
export const IMPORT_STALE_MS = 2 * 60_000;

function stoppedPartWay(job: ImportJobTable, now: Date): boolean {
  if (job.status === 'failed') return true;
  if (job.status !== 'running' || running.has(job.id)) return false;
  const beat = job.heartbeat_at ?? job.started_at;
  return !beat || now.getTime() - Date.parse(beat) > IMPORT_STALE_MS;
}

interface StoredProblem {
  row: number;
  key: string | null;
  kind: 'rejected' | 'skipped';
  problems: RowProblem[];
}

function present(job: ImportJobTable, lang: Language, now: Date): ImportJob {
  const columns = JSON.parse(job.columns) as string[];
  const report = JSON.parse(job.report) as StoredProblem[];
  return {
    id: job.id,
    filename: job.filename,
    format: job.format,
    status: job.status,
    columns,
    mapping: job.mapping ? (JSON.parse(job.mapping) as ImportMapping) : null,
    suggestedMapping: suggestMapping(columns),
    totalRows: job.total_rows,
    validRows: job.valid_rows,
    rejectedRows: job.rejected_rows,
    processedRows: job.processed_rows,
    importedRows: job.imported_rows,
    skippedRows: job.skipped_rows,
    rejected: report.map(
      (r): ImportRejectedRow => ({
        row: r.row,
        key: r.key,
        kind: r.kind,
        reasons: r.problems.map((p) => ({
          field: p.field,
          message: fieldMessage(p.key, lang, p.params ?? {}),
        })),
      }),
    ),
    error: job.error,
    createdAt: job.created_at,
    validatedAt: job.validated_at,
    startedAt: job.started_at,
    finishedAt: job.finished_at,
    resumable: stoppedPartWay(job, now),
  };
}

function taskForceOf(actor: Actor): string {
  if (!actor.taskForceId) throw errors.forbidden();
  return actor.taskForceId;
}

async function loadJob(deps: Deps, actor: Actor, id: string): Promise<ImportJobTable> {
  const job = await repo.jobOf(deps.db, id, actor.userId);
  if (!job) throw errors.notFound();
  return job;
}

function formatOf(filename: string, data: Buffer): 'xlsx' | 'csv' | null {
  const lower = filename.toLowerCase();
  const zip = data.length > 4 && data[0] === 0x50 && data[1] === 0x4b;
  if (lower.endsWith('.xlsx') && zip) return 'xlsx';
  if (lower.endsWith('.csv') && !zip) return 'csv';
  return null;
}

/** Reads an uploaded register and keeps its rows encrypted until the import has run. */
export async function uploadRegister(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  file: { filename: string; data: Buffer },
): Promise<ImportJob> {
  const taskForceId = taskForceOf(actor);
  const format = formatOf(file.filename, file.data);
  if (!format) throw errors.validation({ file: 'import_file_type' });
  let table: RegisterTable;
  try {
    table = format === 'xlsx' ? await readXlsx(file.data) : readCsv(file.data);
  } catch (err) {
    if (err instanceof UnreadableFile) throw errors.validation({ file: 'import_file_unreadable' });
    throw err;
  }
  if (table.rows.length === 0) throw errors.validation({ file: 'import_empty' });
  if (table.rows.length > IMPORT_MAX_ROWS) throw errors.validation({ file: 'import_too_many_rows' });
  const now = deps.clock.now().toISOString();
  const row: ImportJobTable = {
    id: randomUUID(),
    task_force_id: taskForceId,
    agency_id: actor.agencyId,
    created_by: actor.userId,
    filename: file.filename.slice(0, 200),
    format,
    status: 'uploaded',
    columns: JSON.stringify(table.columns),
    rows_enc: deps.cipher.encrypt(JSON.stringify(table.rows)),
    mapping: null,
    total_rows: table.rows.length,
    valid_rows: 0,
    rejected_rows: 0,
    processed_rows: 0,
    imported_rows: 0,
    skipped_rows: 0,
    report: '[]',
    error: null,
    created_at: now,
    validated_at: null,
    started_at: null,
    finished_at: null,
    heartbeat_at: null,
  };
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await repo.insertJob(trx, row);
    await audit({
      action: 'import.uploaded',
      entityType: 'import',
      entityId: row.id,
      details: { format, rows: table.rows.length, columns: table.columns.length },
    });
  });
  return present(row, meta.lang, deps.clock.now());
}

export async function getImport(deps: Deps, actor: Actor, meta: Meta, id: string): Promise<ImportJob> {
  const job = await loadJob(deps, actor, id);
  // The report names register keys: its reading is audited, but not every progress poll.
  if (job.rejected_rows + job.skipped_rows > 0 && job.status !== 'running')
    await inTransaction(deps, actor, meta, (_t, audit) =>
      audit({
        action: 'import.report_read',
        entityType: 'import',
        entityId: id,
        details: { status: job.status },
      }),
    );
  return present(job, meta.lang, deps.clock.now());
}

export async function listImports(deps: Deps, actor: Actor, meta: Meta) {
  taskForceOf(actor);
  return {
    items: (await repo.jobsOf(deps.db, actor.userId)).map((j) => present(j, meta.lang, deps.clock.now())),
  };
}

function rowsOf(deps: Deps, job: ImportJobTable): RegisterTable['rows'] {
  return JSON.parse(deps.cipher.decrypt(job.rows_enc)) as RegisterTable['rows'];
}

function mapped(
  columns: string[],
  mapping: ImportMapping,
  cells: string[],
): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  for (const field of IMPORT_FIELDS) {
    const col = mapping[field];
    if (!col) continue;
    const i = columns.indexOf(col);
    if (i >= 0) out[field] = cells[i] ?? '';
  }
  return out;
}

/** The first rows as the mapping reads them (identifying data: audited). */
export async function previewImport(deps: Deps, actor: Actor, meta: Meta, id: string) {
  const job = await loadJob(deps, actor, id);
  const columns = JSON.parse(job.columns) as string[];
  const mapping = job.mapping ? (JSON.parse(job.mapping) as ImportMapping) : suggestMapping(columns);
  const rows = rowsOf(deps, job)
    .slice(0, 5)
    .map((r) => ({ row: r.line, values: mapped(columns, mapping, r.cells) as Record<string, string> }));
  await inTransaction(deps, actor, meta, (_t, audit) =>
    audit({ action: 'import.previewed', entityType: 'import', entityId: id, details: { rows: rows.length } }),
  );
  return { rows };
}

export async function setImportMapping(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  id: string,
  input: ImportMappingInput,
): Promise<ImportJob> {
  const job = await loadJob(deps, actor, id);
  if (job.status === 'running' || job.status === 'done')
    throw errors.conflict({ _: 'import_already_running' });
  const problems = mappingProblems(input.mapping, JSON.parse(job.columns) as string[]);
  if (Object.keys(problems).length)
    throw errors.validation(
      Object.fromEntries(Object.entries(problems).map(([f, k]) => [`mapping.${f}`, k])),
    );
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    // A new mapping needs a new dry run.
    await repo.updateJob(trx, id, {
      mapping: JSON.stringify(input.mapping),
      status: 'uploaded',
      valid_rows: 0,
      rejected_rows: 0,
      skipped_rows: 0,
      report: '[]',
      validated_at: null,
    });
    if (input.saveAs)
      await repo.saveMapping(trx, {
        id: randomUUID(),
        task_force_id: job.task_force_id,
        name: input.saveAs,
        mapping: JSON.stringify(input.mapping),
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
    await audit({
      action: 'import.mapping_saved',
      entityType: 'import',
      entityId: id,
      details: { fields: Object.keys(input.mapping), savedAs: input.saveAs ?? null },
    });
  });
  return present((await repo.jobOf(deps.db, id, actor.userId))!, meta.lang, deps.clock.now());
}

export async function savedMappings(deps: Deps, actor: Actor): Promise<{ items: SavedMapping[] }> {
  const rows = await repo.mappingsOf(deps.db, taskForceOf(actor));
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      mapping: JSON.parse(r.mapping) as ImportMapping,
      updatedAt: r.updated_at,
    })),
  };
}

/** The UTC offset of a zone at an instant, as +08:00. */
function zoneOffset(zone: string, at: Date): string {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

interface CheckedRow {
  line: number;
  parsed: ParsedRow;
  keyHash: string | null;
}

/** Every row checked with the form rules, the repeated keys and the keys imported before. */
async function checkRows(deps: Deps, actor: Actor, job: ImportJobTable, rows: RegisterTable['rows']) {
  const columns = JSON.parse(job.columns) as string[];
  const mapping = JSON.parse(job.mapping!) as ImportMapping;
  const tf = (await taskForceContext(deps.db, job.task_force_id))!;
  const offset = zoneOffset(tf.row.time_zone, deps.clock.now());
  const today = await todayIn(deps, job.task_force_id);
  const checked: CheckedRow[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const parsed = parseRegisterRow(mapped(columns, mapping, r.cells), offset);
    const keyHash = parsed.key ? deps.cipher.blindIndex(parsed.key, 'import_key') : null;
    if (keyHash && seen.has(keyHash))
      parsed.problems.push({ field: 'importKey', key: 'import_key_repeated' });
    if (keyHash) seen.add(keyHash);
    if (parsed.caseInput && parsed.personInput) {
      const caseCheck = await checkNewCase(deps, actor, { ...parsed.caseInput, teamUserIds: [] });
      const fields = { ...caseCheck.fields, ...checkNewPerson(deps, today, parsed.personInput) };
      for (const [path, key] of Object.entries(fields)) {
        const field = path === 'reportedAt' ? 'reportedDate' : path.replace(/^profile\./, '');
        parsed.problems.push({
          field: (IMPORT_FIELDS as readonly string[]).includes(field) ? (field as ImportField) : '_',
          key,
        });
      }
    }
    checked.push({ line: r.line, parsed, keyHash });
  }
  const taken = await repo.takenKeys(
    deps.db,
    job.task_force_id,
    checked.flatMap((c) => (c.keyHash ? [c.keyHash] : [])),
  );
  return { checked, taken, tf };
}

function reportOf(checked: CheckedRow[], taken: Set<string>): StoredProblem[] {
  const out: StoredProblem[] = [];
  for (const c of checked) {
    if (c.parsed.problems.length)
      out.push({ row: c.line, key: c.parsed.key, kind: 'rejected', problems: c.parsed.problems });
    else if (c.keyHash && taken.has(c.keyHash))
      out.push({
        row: c.line,
        key: c.parsed.key,
        kind: 'skipped',
        problems: [{ field: 'importKey', key: 'import_already_imported' }],
      });
  }
  return out;
}

/** Validates every row as the import would, and stores only the outcome: no case is created. */
export async function dryRunImport(deps: Deps, actor: Actor, meta: Meta, id: string): Promise<ImportJob> {
  const job = await loadJob(deps, actor, id);
  if (job.status === 'running' || job.status === 'done')
    throw errors.conflict({ _: 'import_already_running' });
  if (!job.mapping) throw errors.validation({ mapping: 'import_mapping_missing' });
  const { checked, taken } = await checkRows(deps, actor, job, rowsOf(deps, job));
  const report = reportOf(checked, taken);
  const rejected = report.filter((r) => r.kind === 'rejected').length;
  const skipped = report.length - rejected;
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await repo.updateJob(trx, id, {
      status: 'validated',
      valid_rows: checked.length - rejected - skipped,
      rejected_rows: rejected,
      skipped_rows: skipped,
      report: JSON.stringify(report),
      validated_at: deps.clock.now().toISOString(),
    });
    await audit({
      action: 'import.validated',
      entityType: 'import',
      entityId: id,
      details: { rows: checked.length, rejected, skipped },
    });
  });
  return present((await repo.jobOf(deps.db, id, actor.userId))!, meta.lang, deps.clock.now());
}

/** Jobs still running in this process; tests and shutdown can wait for them. */
const running = new Map<string, Promise<void>>();

export function importsInProgress(): Promise<void>[] {
  return [...running.values()];
}

/** Starts the import of a dry-run job; it runs in the background and reports progress on the job. */
export async function runImport(deps: Deps, actor: Actor, meta: Meta, id: string): Promise<ImportJob> {
  const job = await loadJob(deps, actor, id);
  if (job.status === 'uploaded') throw errors.validation({ _: 'import_not_validated' });
  const now = deps.clock.now();
  const resuming = stoppedPartWay(job, now);
  const start = {
    status: 'running' as const,
    started_at: now.toISOString(),
    heartbeat_at: now.toISOString(),
    processed_rows: 0,
    imported_rows: 0,
    error: null,
  };
  // A run that stopped part-way starts again from the first row: rows it imported already are
  // recognised by their import keys and counted, not imported twice.
  const claimed = resuming
    ? await repo.claimStopped(deps.db, id, new Date(now.getTime() - IMPORT_STALE_MS).toISOString(), start)
    : await repo.claimJob(deps.db, id, 'validated', start);
  if (!claimed) throw errors.conflict({ _: 'import_already_running' });
  await inTransaction(deps, actor, meta, (_t, audit) =>
    audit({
      action: 'import.started',
      entityType: 'import',
      entityId: id,
      details: { rows: job.total_rows, ...(resuming && { resumed: true }) },
    }),
  );
  const work = processJob(deps, actor, meta, id)
    .catch(async () => {
      await repo.updateJob(deps.db, id, {
        status: 'failed',
        error: 'internal',
        finished_at: deps.clock.now().toISOString(),
      });
    })
    .finally(() => running.delete(id));
  running.set(id, work);
  return present((await repo.jobOf(deps.db, id, actor.userId))!, meta.lang, deps.clock.now());
}

async function processJob(deps: Deps, actor: Actor, meta: Meta, id: string): Promise<void> {
  const job = (await repo.jobOf(deps.db, id, actor.userId))!;
  const rows = rowsOf(deps, job);
  const mine = await repo.keysOfJob(deps.db, id);
  const report: StoredProblem[] = [];
  let processed = 0;
  let imported = 0;
  let skipped = 0;
  for (let i = 0; i < rows.length; i += IMPORT_BATCH_SIZE) {
    // Checked again right before the batch: the data may have changed since the dry run.
    const { checked, taken, tf } = await checkRows(deps, actor, job, rows.slice(i, i + IMPORT_BATCH_SIZE));
    // Rows this job imported before it was interrupted count as imported, not as skipped.
    const done = checked.filter((c) => c.keyHash && mine.has(c.keyHash) && !c.parsed.problems.length);
    for (const c of done) taken.delete(c.keyHash!);
    imported += done.length;
    const batchReport = reportOf(
      checked.filter((c) => !done.includes(c)),
      taken,
    );
    const refused = new Set(batchReport.map((r) => r.row));
    await inTransaction(deps, actor, meta, async (trx, audit) => {
      for (const c of checked) {
        if (done.includes(c)) continue;
        if (refused.has(c.line) || !c.parsed.caseInput || !c.parsed.personInput || !c.keyHash) continue;
        // Another import of the same key may have finished since the check.
        if ((await repo.takenKeys(trx, job.task_force_id, [c.keyHash])).size) {
          batchReport.push({
            row: c.line,
            key: c.parsed.key,
            kind: 'skipped',
            problems: [{ field: 'importKey', key: 'import_already_imported' }],
          });
          continue;
        }
        const created = await insertNewCase(
          deps,
          trx,
          audit,
          actor,
          { ...c.parsed.caseInput, teamUserIds: [] },
          tf,
          actor.agencyId,
          { importJobId: id },
        );
        const caseRow = (await caseRepository.byId(trx, created.id))!;
        await insertNewPerson(deps, trx, audit, actor, caseRow, c.parsed.personInput, 0);
        await repo.insertKey(trx, {
          task_force_id: job.task_force_id,
          key_hash: c.keyHash,
          case_id: created.id,
          job_id: id,
          created_at: deps.clock.now().toISOString(),
        });
        imported++;
      }
      report.push(...batchReport);
      skipped = report.filter((r) => r.kind === 'skipped').length;
      processed += checked.length;
      await repo.updateJob(trx, id, {
        heartbeat_at: deps.clock.now().toISOString(),
        processed_rows: processed,
        imported_rows: imported,
        skipped_rows: skipped,
        rejected_rows: report.length - skipped,
      });
    });
  }
  report.sort((a, b) => a.row - b.row);
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await repo.updateJob(trx, id, {
      status: 'done',
      report: JSON.stringify(report),
      finished_at: deps.clock.now().toISOString(),
    });
    await audit({
      action: 'import.completed',
      entityType: 'import',
      entityId: id,
      details: { imported, skipped, rejected: report.length - skipped },
    });
  });
}
