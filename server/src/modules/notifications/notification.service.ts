import { randomUUID } from 'node:crypto';
import { permissionsFor, type Role } from '@sinergi/core';
import type { Actor, AppDeps } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { errors } from '../../platform/errors.js';
import { sendNotificationEmails } from './notification.email.js';

export interface NotificationInput {
  kind: string;
  caseId: string | null;
  caseNumber: string | null;
  referralId: string | null;
  /** One notification per user and key (for example an overdue referral is announced once). */
  dedupeKey?: string;
}

/** Records in-app notifications for these users (inside the caller's transaction). */
export async function notifyUsers(
  trx: Db,
  deps: Pick<AppDeps, 'clock'>,
  userIds: string[],
  n: NotificationInput,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  for (const userId of new Set(userIds)) {
    await trx
      .insertInto('notifications')
      .values({
        id: randomUUID(),
        user_id: userId,
        kind: n.kind,
        case_id: n.caseId,
        case_number: n.caseNumber,
        referral_id: n.referralId,
        dedupe_key: n.dedupeKey ?? null,
        created_at: now,
        read_at: null,
        emailed_at: null,
      })
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .execute();
  }
}

/** Active users of an agency who work on services or referrals. */
export async function serviceWorkersOf(db: Db, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'user_roles.role'])
    .where('users.agency_id', '=', agencyId)
    .where('users.active', '=', 1)
    .execute();
  return [
    ...new Set(
      rows
        .filter((r) => {
          const p = permissionsFor([r.role as Role]);
          return p.has('service.manage') || p.has('referral.manage');
        })
        .map((r) => r.id),
    ),
  ];
}

/** Active users of an agency who work on the legal track (investigators, prosecutors). */
export async function investigatorsOf(db: Db, agencyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'user_roles.role'])
    .where('users.agency_id', '=', agencyId)
    .where('users.active', '=', 1)
    .execute();
  return [
    ...new Set(rows.filter((r) => permissionsFor([r.role as Role]).has('legal.manage')).map((r) => r.id)),
  ];
}

export async function notifyAgency(
  trx: Db,
  deps: Pick<AppDeps, 'clock'>,
  agencyId: string,
  n: NotificationInput,
) {
  await notifyUsers(trx, deps, await serviceWorkersOf(trx, agencyId), n);
}

/** After the transaction: email what is not yet emailed, when SMTP is configured. */
export async function deliverPending(deps: Pick<AppDeps, 'db' | 'config' | 'clock'>): Promise<void> {
  if (!deps.config.SMTP_URL) return;
  await sendNotificationEmails(deps);
}

export async function listNotifications(deps: Pick<AppDeps, 'db'>, actor: Actor) {
  const rows = await deps.db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(50)
    .execute();
  const unread = await deps.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return {
    unread: Number(unread?.n ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      caseId: r.case_id,
      caseNumber: r.case_number,
      referralId: r.referral_id,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
  };
}

/** Marks one (or, without id, every) notification of the caller as read. */
export async function markRead(deps: Pick<AppDeps, 'db' | 'clock'>, actor: Actor, id?: string) {
  let q = deps.db
    .updateTable('notifications')
    .set({ read_at: deps.clock.now().toISOString() })
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null);
  if (id) {
    const found = await deps.db
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    if (!found) throw errors.notFound();
    q = q.where('id', '=', id);
  }
  await q.execute();
}
