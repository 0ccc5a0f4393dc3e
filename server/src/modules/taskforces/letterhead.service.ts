import {
  DEFAULT_LETTER_PATTERN,
  formatLetterNumber,
  type Letterhead,
  type LetterheadInput,
} from '@sinergi/core';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { errors } from '../../platform/errors.js';
import { LOGO_IMAGE, readStoredFile } from '../../platform/file-store.js';
import type { PdfLetterhead } from '../../platform/pdf.js';
import { attachFile, currentRows, readAttachment } from '../attachments/attachment.service.js';
import { assertManagesTaskForce, assertSeesTaskForce } from './membership.policy.js';

/**
 * The task force's letterhead (kop surat) and the numbering of its invitation letters, kept per
 * task force and edited by its secretariat. Every printed document of the task force draws the
 * letterhead from here.
 */

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'config' | 'reference'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

async function taskForce(db: Db, id: string) {
  const tf = await db
    .selectFrom('task_forces')
    .select(['id', 'name', 'region_code', 'time_zone'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!tf) throw errors.notFound();
  return tf;
}

/** The saved letterhead, or one drawn from the task force's name and region until one is saved. */
async function letterheadRow(deps: Pick<AppDeps, 'db' | 'reference'>, taskForceId: string) {
  const tf = await taskForce(deps.db, taskForceId);
  const row = await deps.db
    .selectFrom('letterheads')
    .selectAll()
    .where('task_force_id', '=', taskForceId)
    .executeTakeFirst();
  if (row) return { tf, row };
  const region = tf.region_code ? deps.reference.region(tf.region_code)?.name : undefined;
  return {
    tf,
    row: {
      task_force_id: taskForceId,
      government_name: region ? `PEMERINTAH ${region.toUpperCase()}` : tf.name.toUpperCase(),
      agency_name: tf.name.toUpperCase(),
      address: '',
      contact: '',
      number_pattern: DEFAULT_LETTER_PATTERN,
      version: 0,
    },
  };
}

/** Year and month (1-12) of an instant in a time zone. */
function localYearMonth(at: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { year: get('year'), month: get('month') };
}

export async function getLetterhead(
  deps: Pick<AppDeps, 'db' | 'cipher' | 'clock' | 'reference'>,
  actor: Actor,
  taskForceId: string,
): Promise<Letterhead> {
  assertSeesTaskForce(actor, taskForceId);
  const { tf, row } = await letterheadRow(deps, taskForceId);
  const [logo] = await currentRows(deps.db, 'letterhead_logo', [taskForceId]);
  const { year, month } = localYearMonth(deps.clock.now(), tf.time_zone);
  const seq = await deps.db
    .selectFrom('letter_sequences')
    .select('last_seq')
    .where('task_force_id', '=', taskForceId)
    .where('year', '=', year)
    .executeTakeFirst();
  return {
    governmentName: row.government_name,
    agencyName: row.agency_name,
    address: row.address,
    contact: row.contact,
    numberPattern: row.number_pattern,
    version: row.version,
    logo: logo
      ? { id: logo.id, filename: deps.cipher.decrypt(logo.filename_enc), mime: logo.mime, size: logo.size }
      : null,
    example: formatLetterNumber(row.number_pattern, (seq?.last_seq ?? 0) + 1, year, month),
    can: { manage: actor.taskForceId === taskForceId && actor.permissions.has('taskforce.manage') },
  };
}

/** Saves the letterhead and the number pattern (version 0 the first time). */
export async function saveLetterhead(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  taskForceId: string,
  input: LetterheadInput,
): Promise<Letterhead> {
  assertManagesTaskForce(actor, taskForceId);
  const { row } = await letterheadRow(deps, taskForceId);
  if (row.version !== input.version)
    throw errors.versionConflict(await getLetterhead(deps, actor, taskForceId));
  const values = {
    government_name: input.governmentName,
    agency_name: input.agencyName,
    address: input.address,
    contact: input.contact,
    number_pattern: input.numberPattern,
    version: input.version + 1,
    updated_by: actor.userId,
    updated_at: deps.clock.now().toISOString(),
  };
  const ok = await inTransaction(deps, actor, meta, async (trx, audit) => {
    let done: boolean;
    if (input.version === 0) {
      const res = await trx
        .insertInto('letterheads')
        .values({ task_force_id: taskForceId, ...values })
        .onConflict((oc) => oc.column('task_force_id').doNothing())
        .executeTakeFirst();
      done = Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
    } else {
      const res = await trx
        .updateTable('letterheads')
        .set(values)
        .where('task_force_id', '=', taskForceId)
        .where('version', '=', input.version)
        .executeTakeFirst();
      done = Number(res.numUpdatedRows) === 1;
    }
    if (done)
      await audit({
        action: 'taskforce.letterhead_changed',
        entityType: 'task_force',
        entityId: taskForceId,
        details: { numberPattern: input.numberPattern },
      });
    return done;
  });
  if (!ok) throw errors.versionConflict(await getLetterhead(deps, actor, taskForceId));
  return getLetterhead(deps, actor, taskForceId);
}

/** Uploads (or replaces) the logo printed at the left of the letterhead: PNG or JPEG. */
export async function uploadLetterheadLogo(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  taskForceId: string,
  file: { filename: string; data: Buffer },
): Promise<Letterhead> {
  assertManagesTaskForce(actor, taskForceId);
  await taskForce(deps.db, taskForceId);
  await attachFile(deps, actor, meta, { taskForceId, type: 'letterhead_logo', id: taskForceId }, file, {
    allowed: LOGO_IMAGE,
    refusal: 'file_type_logo',
    replace: true,
    action: 'taskforce.letterhead_logo_uploaded',
  });
  return getLetterhead(deps, actor, taskForceId);
}

/** The logo for the settings page of the task force's users. */
export async function downloadLetterheadLogo(deps: Deps, actor: Actor, meta: Meta, taskForceId: string) {
  assertSeesTaskForce(actor, taskForceId);
  const [logo] = await currentRows(deps.db, 'letterhead_logo', [taskForceId]);
  if (!logo) throw errors.notFound();
  return readAttachment(deps, actor, meta, logo, 'taskforce.letterhead_logo_downloaded');
}

/** What the PDFs print at the top: the lines and the logo as a data URL. */
export async function letterheadForPdf(
  deps: Pick<AppDeps, 'db' | 'cipher' | 'config' | 'reference'>,
  taskForceId: string,
): Promise<PdfLetterhead> {
  const { row } = await letterheadRow(deps, taskForceId);
  const [logo] = await currentRows(deps.db, 'letterhead_logo', [taskForceId]);
  const data = logo ? await readStoredFile(deps, logo.storage_key) : null;
  return {
    lines: [row.government_name, row.agency_name],
    address: [row.address, row.contact].filter(Boolean),
    logo: data && logo ? `data:${logo.mime};base64,${data.toString('base64')}` : null,
  };
}

/**
 * Gives the invitation of a meeting its letter number, once: the next number of the task force's
 * sequence for the year of issue, in the pattern saved at the time. A number once given is kept.
 */
export async function issueInvitationNumber(
  deps: Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'reference'>,
  actor: Actor,
  meta: Meta,
  meeting: { id: string; task_force_id: string },
): Promise<string> {
  const { tf, row } = await letterheadRow(deps, meeting.task_force_id);
  const now = deps.clock.now();
  const { year, month } = localYearMonth(now, tf.time_zone);
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .insertInto('letter_sequences')
      .values({ task_force_id: tf.id, year, last_seq: 0 })
      .onConflict((oc) => oc.columns(['task_force_id', 'year']).doNothing())
      .execute();
    // Taking the next number locks the sequence row (PostgreSQL) until the transaction ends, so
    // two first exports of the same invitation cannot both take one.
    const next = await trx
      .updateTable('letter_sequences')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
      .where('task_force_id', '=', tf.id)
      .where('year', '=', year)
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    const current = await trx
      .selectFrom('meetings')
      .select('invitation_number')
      .where('id', '=', meeting.id)
      .executeTakeFirstOrThrow();
    if (current.invitation_number) throw new AlreadyNumbered(current.invitation_number);
    const number = formatLetterNumber(row.number_pattern, Number(next.last_seq), year, month);
    await trx
      .updateTable('meetings')
      .set({ invitation_number: number, invitation_issued_at: now.toISOString() })
      .where('id', '=', meeting.id)
      .execute();
    await audit({
      action: 'meeting.invitation_numbered',
      entityType: 'meeting',
      entityId: meeting.id,
      details: { number },
    });
    return number;
  }).catch((err) => {
    if (err instanceof AlreadyNumbered) return err.number;
    throw err;
  });
}

/** Rolls back a number taken for an invitation that another request numbered first. */
class AlreadyNumbered extends Error {
  constructor(readonly number: string) {
    super('already numbered');
  }
}
