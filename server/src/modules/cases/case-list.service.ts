import { type CaseListQuery, initials } from '@sinergi/core';
import { recordRead } from '../../platform/audit-reads.js';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { errors } from '../../platform/errors.js';
import { taskForceZone } from '../taskforces/taskforce.service.js';
import { accessFromTeam, visibilityOf } from './case.policy.js';
import { presentSummary } from './case.presenter.js';
import { type CaseSearch, caseRepository as repo, victimNamesOf } from './case.repository.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'reference'>;
type Meta = RequestMeta;

/**
 * What `q` searches, from its shape: 16 digits an exact NIK, text with "/" a case number (prefix),
 * other digits part of a case number, anything else an exact full name. NIK and name go through
 * their keyed hashes; nothing typed is stored.
 */
export function caseSearchFor(cipher: Pick<AppDeps['cipher'], 'blindIndex'>, q: string): CaseSearch {
  const text = q.trim();
  const compact = text.replace(/\s/g, '');
  if (/^\d{16}$/.test(compact)) return { kind: 'nik', hash: cipher.blindIndex(compact, 'nik') };
  if (text.includes('/')) return { kind: 'number_prefix', value: text.toUpperCase() };
  if (/^\d{1,15}$/.test(compact)) return { kind: 'number_contains', value: compact };
  return { kind: 'name', hash: cipher.blindIndex(text, 'name') };
}

/** Agencies' short names for list rows, kept a minute: display only, and lists are read all day. */
const shortNameCache = new Map<string, { name: string; until: number }>();
async function agencyShortNames(db: Db, ids: string[], now: Date): Promise<Map<string, string>> {
  const t = now.getTime();
  const out = new Map<string, string>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const hit = shortNameCache.get(id);
    if (hit && hit.until > t) out.set(id, hit.name);
    else missing.push(id);
  }
  if (missing.length) {
    const rows = await db
      .selectFrom('agencies')
      .select(['id', 'short_name'])
      .where('id', 'in', missing)
      .execute();
    for (const r of rows) {
      out.set(r.id, r.short_name);
      shortNameCache.set(r.id, { name: r.short_name, until: t + 60_000 });
    }
  }
  return out;
}

/** Victims' initials kept by their name's ciphertext: how long, and how many at most. */
const INITIALS_KEEP_MS = 10 * 60_000;
const INITIALS_MAX = 20_000;
const keptInitials = new Map<string, { initials: string; until: number }>();

/**
 * The initials of an encrypted name. A list is read again and again through the day, and each
 * decryption costs about as much as the rest of a row's presentation, so the initials (never the
 * name) are kept a few minutes by ciphertext: a changed or re-encrypted name is a new ciphertext,
 * and an erased person's is no longer in any row to be looked up.
 */
function initialsOf(cipher: Pick<AppDeps['cipher'], 'decrypt'>, ciphertext: string, nowMs: number): string {
  const kept = keptInitials.get(ciphertext);
  if (kept && kept.until > nowMs) return kept.initials;
  const value = initials(cipher.decrypt(ciphertext));
  keptInitials.delete(ciphertext);
  if (keptInitials.size >= INITIALS_MAX) {
    // The oldest first: a Map iterates in insertion order.
    for (const key of keptInitials.keys()) {
      keptInitials.delete(key);
      if (keptInitials.size < INITIALS_MAX * 0.9) break;
    }
  }
  keptInitials.set(ciphertext, { initials: value, until: nowMs + INITIALS_KEEP_MS });
  return value;
}

/**
 * A search by NIK or full name answers whether someone is in a case: an identity lookup. Only
 * those who may read identities make it; for others (leadership, a chair) it is refused before any
 * query runs, from the shape of the text alone, so neither rows, totals nor the exactness of a
 * total can tell. The refusal is audited (without the text); a case-number search stays open.
 */
async function refuseIdentitySearch(deps: Deps, actor: Actor, meta: Meta, by: 'nik' | 'name') {
  await inTransaction(deps, actor, meta, (_trx, audit) =>
    audit({
      action: 'access.denied',
      outcome: 'denied',
      details: { reason: 'identity_search', by },
    }),
  );
  throw errors.validation({ q: 'search_identity_not_allowed' });
}

export async function listCases(deps: Deps, actor: Actor, meta: Meta, query: CaseListQuery) {
  const now = deps.clock.now().toISOString();
  const search = query.q ? caseSearchFor(deps.cipher, query.q) : undefined;
  if ((search?.kind === 'nik' || search?.kind === 'name') && !actor.permissions.has('person.identity.read'))
    await refuseIdentitySearch(deps, actor, meta, search.kind);
  const visibility = await visibilityOf(deps.db, actor);
  const timeZone = await taskForceZone(deps.db, actor.taskForceId);
  // Each row says whether the reader is on its team and, if they may read identities, carries the
  // team case's victims' encrypted names: the access of each row is still decided by the policy.
  const reader = {
    userId: actor.userId,
    identities: actor.permissions.has('person.identity.read'),
    dialect: deps.dbKind,
  };
  const { rows, total, totalExact } = await repo.list(deps.db, visibility, query, {
    now,
    timeZone,
    search,
    reader,
  });
  const ids = rows.map((r) => r.id);
  const shortNames = await agencyShortNames(
    deps.db,
    rows.map((r) => r.lead_agency_id),
    deps.clock.now(),
  );
  const nowMs = deps.clock.now().getTime();
  const items = rows.map((r) => {
    const access = accessFromTeam(actor, r.on_team === 1);
    return presentSummary(deps, r, access, {
      agencyShortName: shortNames.get(r.lead_agency_id) ?? '',
      victimInitials:
        access === 'full' ? victimNamesOf(r).map((name) => initialsOf(deps.cipher, name, nowMs)) : [],
    });
  });
  if (search) {
    await recordRead(deps, actor, meta, {
      action: 'case.search',
      details: { by: search.kind, results: total, caseIds: ids },
    });
  }
  return { items, total, totalExact, page: query.page, pageSize: query.pageSize };
}
