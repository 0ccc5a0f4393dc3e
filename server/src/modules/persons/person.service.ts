import { randomUUID } from 'node:crypto';
import {
  ageAtIncident,
  type ConsentCreate,
  initials,
  isChildAt,
  type PersonCreate,
  type PersonPatch,
  type PersonView,
  parentRegionCode,
  regionLevelOf,
} from '@sinergi/core';
import type { Insertable } from 'kysely';
import type { AuditEventInput } from '../../platform/audit.js';
import { recordRead } from '../../platform/audit-reads.js';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { CaseRow, PersonRow, PersonTable } from '../../platform/db/schema.js';
import { AppError, errors } from '../../platform/errors.js';
import { caseAccess } from '../cases/case.policy.js';
import { caseEvent, loadCaseFor, loadCaseForWork } from '../cases/case.service.js';
import { todayIn } from '../taskforces/taskforce.service.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'reference' | 'cipher'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

/** The region parts of an address: kecamatan and above in clear, the village encrypted. */
function addressColumns(deps: Deps, code: string | null | undefined) {
  if (!code) return { province_code: null, regency_code: null, district_code: null, village_code_enc: null };
  const level = regionLevelOf(code);
  const district = level === 'village' ? parentRegionCode(code) : level === 'district' ? code : null;
  const regency = district ? parentRegionCode(district) : level === 'regency' ? code : null;
  const province = regency ? parentRegionCode(regency) : level === 'province' ? code : null;
  return {
    province_code: province,
    regency_code: regency,
    district_code: district,
    village_code_enc: level === 'village' ? deps.cipher.encrypt(code) : null,
  };
}

/** Encrypts a free text as given (an empty one too, so it reads back the same); null stays null. */
function sealText(deps: Pick<Deps, 'cipher'>, value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : deps.cipher.encrypt(value);
}

function hashes(
  deps: Deps,
  fullName: string,
  nik: string | null | undefined,
  birthDate: string | null | undefined,
) {
  return {
    name_hash: deps.cipher.blindIndex(fullName, 'name'),
    nik_hash: nik ? deps.cipher.blindIndex(nik, 'nik') : null,
    name_birth_hash: birthDate ? deps.cipher.blindIndex(`${fullName}|${birthDate}`, 'name_birth') : null,
  };
}

function checkInput(deps: Deps, today: string, input: Partial<PersonCreate>, fields: Record<string, string>) {
  if (input.birthDate && input.birthDate > today) fields.birthDate = 'date_in_future';
  if (input.addressRegionCode && !deps.reference.region(input.addressRegionCode))
    fields.addressRegionCode = 'region_unknown';
  if (input.nationality && !deps.reference.country(input.nationality)) fields.nationality = 'country_unknown';
}

async function checkGuardian(
  db: Db,
  caseId: string,
  guardianId: string | null | undefined,
  fields: Record<string, string>,
) {
  if (!guardianId) return;
  const g = await db
    .selectFrom('persons')
    .select(['role'])
    .where('id', '=', guardianId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!g) fields.guardianPersonId = 'person_unknown';
  else if (g.role !== 'guardian') fields.guardianPersonId = 'guardian_must_be_guardian';
}

/** Keeps the case's counts and origin kecamatan in step with its victims. */
async function refreshCaseAggregates(db: Db, caseId: string): Promise<void> {
  const victims = await db
    .selectFrom('persons')
    .select(['is_child', 'district_code'])
    .where('case_id', '=', caseId)
    .where('role', '=', 'victim')
    .orderBy('created_at')
    .execute();
  await db
    .updateTable('cases')
    .set({
      victim_count: victims.length,
      child_victim_count: victims.filter((v) => v.is_child).length,
      origin_district_code: victims.find((v) => v.district_code)?.district_code ?? null,
    })
    .where('id', '=', caseId)
    .execute();
}

export function presentPerson(
  deps: Deps,
  p: PersonRow,
  full: boolean,
  consents: PersonView['consents'],
): PersonView {
  const village = full ? deps.cipher.decryptNullable(p.village_code_enc) : null;
  const addressCode = village ?? p.district_code ?? p.regency_code ?? p.province_code;
  const fullName = full ? deps.cipher.decrypt(p.full_name_enc) : null;
  return {
    id: p.id,
    caseId: p.case_id,
    role: p.role,
    sex: p.sex,
    ageAtIncident: p.age_at_incident,
    isChild: p.is_child === 1,
    nationality: p.nationality,
    district: p.district_code
      ? { code: p.district_code, name: deps.reference.region(p.district_code)?.name ?? p.district_code }
      : null,
    education: p.education,
    occupation: deps.cipher.decryptNullable(p.occupation_enc),
    maritalStatus: p.marital_status,
    disability: deps.cipher.decryptNullable(p.disability_enc),
    religion: p.religion,
    guardianPersonId: p.guardian_person_id,
    initials: fullName && !p.erased_at ? initials(fullName) : null,
    identity:
      full && fullName
        ? {
            fullName,
            alias: deps.cipher.decryptNullable(p.alias_enc),
            nik: deps.cipher.decryptNullable(p.nik_enc),
            birthDate: deps.cipher.decryptNullable(p.birth_date_enc),
            estimatedAge: p.estimated_age,
            addressRegionCode: addressCode,
            addressRegionName: addressCode ? (deps.reference.region(addressCode)?.name ?? null) : null,
            street: deps.cipher.decryptNullable(p.street_enc),
            phone: deps.cipher.decryptNullable(p.phone_enc),
          }
        : null,
    consents,
    erasedAt: p.erased_at,
    version: p.version,
  };
}

async function consentsOf(deps: Pick<Deps, 'cipher'>, db: Db, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, PersonView['consents']>();
  const rows = await db
    .selectFrom('consents')
    .selectAll()
    .where('person_id', 'in', personIds)
    .orderBy('recorded_at')
    .execute();
  const map = new Map<string, PersonView['consents']>();
  for (const c of rows) {
    const list = map.get(c.person_id) ?? [];
    list.push({
      id: c.id,
      scopes: c.scopes.split(',').filter(Boolean),
      sharingAgencyIds: c.sharing_agency_ids.split(',').filter(Boolean),
      givenOn: c.given_on,
      givenBy: c.given_by,
      note: deps.cipher.decryptNullable(c.note_enc),
      recordedAt: c.recorded_at,
      withdrawnOn: c.withdrawn_on,
    });
    map.set(c.person_id, list);
  }
  return map;
}

function ageColumns(
  c: CaseRow,
  birthDate: string | null | undefined,
  estimatedAge: number | null | undefined,
) {
  const age = ageAtIncident({
    birthDate,
    estimatedAge,
    incidentDate: c.incident_date,
    reportDate: c.reported_at.slice(0, 10),
  });
  return { age_at_incident: age, is_child: isChildAt(age) ? 1 : 0 };
}

/** Possible duplicates in the task force: the same NIK, or the same name and birth date. */
async function findDuplicates(
  deps: Deps,
  actor: Actor,
  c: CaseRow,
  h: ReturnType<typeof hashes>,
  exceptPersonId?: string,
) {
  const found: { kind: 'nik' | 'name_birth'; caseId: string | null; caseNumber: string | null }[] = [];
  for (const [kind, column, value] of [
    ['nik', 'nik_hash', h.nik_hash],
    ['name_birth', 'name_birth_hash', h.name_birth_hash],
  ] as const) {
    if (!value) continue;
    let q = deps.db
      .selectFrom('persons')
      .innerJoin('cases', 'cases.id', 'persons.case_id')
      .select(['cases.id', 'cases.case_number', 'cases.task_force_id'])
      .where(`persons.${column}`, '=', value)
      .where('persons.task_force_id', '=', c.task_force_id);
    if (exceptPersonId) q = q.where('persons.id', '!=', exceptPersonId);
    for (const other of await q.execute()) {
      const visible = await caseAccess(deps.db, actor, other);
      // Outside the caller's access only the fact is told: the secretariat resolves it.
      found.push({ kind, caseId: visible ? other.id : null, caseNumber: visible ? other.case_number : null });
    }
  }
  return found;
}

export async function listPersons(deps: Deps, actor: Actor, meta: Meta, caseId: string) {
  const { access } = await loadCaseFor(deps, actor, caseId);
  const rows = await deps.db
    .selectFrom('persons')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
  const full = access === 'full';
  const consents = await consentsOf(
    deps,
    deps.db,
    rows.map((r) => r.id),
  );
  if (full && rows.length) {
    await recordRead(deps, actor, meta, {
      action: 'person.read',
      entityType: 'case',
      entityId: caseId,
      details: { personIds: rows.map((r) => r.id) },
    });
  }
  return { items: rows.map((r) => presentPerson(deps, r, full, consents.get(r.id) ?? [])) };
}

export async function getPerson(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  personId: string,
): Promise<PersonView> {
  const { access } = await loadCaseFor(deps, actor, caseId);
  const row = await deps.db
    .selectFrom('persons')
    .selectAll()
    .where('id', '=', personId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw errors.notFound();
  if (access === 'full') {
    await recordRead(deps, actor, meta, {
      action: 'person.read',
      entityType: 'person',
      entityId: personId,
      details: { caseId },
    });
  }
  return presentPerson(
    deps,
    row,
    access === 'full',
    (await consentsOf(deps, deps.db, [personId])).get(personId) ?? [],
  );
}

/** The checks of a new person that need reference data (dates, regions, countries); field -> message key. */
export function checkNewPerson(deps: Deps, today: string, input: PersonCreate): Record<string, string> {
  const fields: Record<string, string> = {};
  checkInput(deps, today, input, fields);
  return fields;
}

function personRow(
  deps: Deps,
  actor: Actor,
  c: CaseRow,
  input: PersonCreate,
  now: string,
): Insertable<PersonTable> {
  return {
    id: randomUUID(),
    case_id: c.id,
    task_force_id: c.task_force_id,
    role: input.role,
    full_name_enc: deps.cipher.encrypt(input.fullName),
    alias_enc: deps.cipher.encryptNullable(input.alias),
    nik_enc: deps.cipher.encryptNullable(input.nik),
    birth_date_enc: deps.cipher.encryptNullable(input.birthDate),
    estimated_age: input.estimatedAge ?? null,
    ...ageColumns(c, input.birthDate, input.estimatedAge),
    sex: input.sex,
    nationality: input.nationality ?? null,
    ...addressColumns(deps, input.addressRegionCode),
    street_enc: deps.cipher.encryptNullable(input.street),
    phone_enc: deps.cipher.encryptNullable(input.phone),
    education: input.education ?? null,
    occupation_enc: sealText(deps, input.occupation),
    marital_status: input.maritalStatus ?? null,
    disability_enc: sealText(deps, input.disability),
    religion: input.religion ?? null,
    guardian_person_id: input.guardianPersonId ?? null,
    version: 1,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    ...hashes(deps, input.fullName, input.nik, input.birthDate),
  };
}

/**
 * Inserts a checked person inside the caller's transaction (encrypted identity, search hashes, the
 * case's counts, timeline and audit). Shared by the person form and the import of legacy registers.
 */
export async function insertNewPerson(
  deps: Deps,
  trx: Db,
  audit: (event: AuditEventInput) => Promise<void>,
  actor: Actor,
  c: CaseRow,
  input: PersonCreate,
  duplicates: number,
): Promise<PersonRow> {
  const now = deps.clock.now().toISOString();
  const row = personRow(deps, actor, c, input, now);
  await trx.insertInto('persons').values(row).execute();
  await refreshCaseAggregates(trx, c.id);
  await trx
    .updateTable('cases')
    .set({ version: c.version + 1, updated_at: now })
    .where('id', '=', c.id)
    .execute();
  await caseEvent(trx, deps, actor, c.id, 'person_added', {
    personId: row.id,
    role: input.role,
    duplicates,
  });
  await audit({
    action: 'person.created',
    entityType: 'person',
    entityId: row.id,
    details: { caseId: c.id, role: input.role, possibleDuplicates: duplicates },
  });
  return (await trx.selectFrom('persons').selectAll().where('id', '=', row.id).executeTakeFirst())!;
}

export async function createPerson(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  input: PersonCreate,
) {
  const c = await loadCaseForWork(deps, actor, caseId);
  if (c.stage === 'closed') throw errors.validation({ _: 'transition_not_allowed' });
  const fields = checkNewPerson(deps, await todayIn(deps, c.task_force_id), input);
  await checkGuardian(deps.db, caseId, input.guardianPersonId, fields);
  if (Object.keys(fields).length) throw errors.validation(fields);
  const duplicates = await findDuplicates(
    deps,
    actor,
    c,
    hashes(deps, input.fullName, input.nik, input.birthDate),
  );
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const created = await insertNewPerson(deps, trx, audit, actor, c, input, duplicates.length);
    return { person: presentPerson(deps, created, true, []), duplicates };
  });
}

export async function updatePerson(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  personId: string,
  patch: PersonPatch,
) {
  const c = await loadCaseForWork(deps, actor, caseId);
  const current = await deps.db
    .selectFrom('persons')
    .selectAll()
    .where('id', '=', personId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!current) throw errors.notFound();
  // Erased means erased: the identity is not typed back in over the marker.
  if (current.erased_at) throw new AppError(409, 'conflict', { _: 'person_already_erased' });
  const fields: Record<string, string> = {};
  checkInput(deps, await todayIn(deps, c.task_force_id), patch, fields);
  if (patch.guardianPersonId === personId) fields.guardianPersonId = 'guardian_must_be_guardian';
  await checkGuardian(deps.db, caseId, patch.guardianPersonId, fields);
  if (Object.keys(fields).length) throw errors.validation(fields);
  const fullName = patch.fullName ?? deps.cipher.decrypt(current.full_name_enc);
  const nik = patch.nik !== undefined ? patch.nik : deps.cipher.decryptNullable(current.nik_enc);
  const birthDate =
    patch.birthDate !== undefined ? patch.birthDate : deps.cipher.decryptNullable(current.birth_date_enc);
  const estimatedAge = patch.estimatedAge !== undefined ? patch.estimatedAge : current.estimated_age;
  const h = hashes(deps, fullName, nik, birthDate);
  const duplicates =
    patch.nik !== undefined || patch.fullName !== undefined || patch.birthDate !== undefined
      ? await findDuplicates(deps, actor, c, h, personId)
      : [];
  const now = deps.clock.now().toISOString();
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const res = await trx
      .updateTable('persons')
      .set({
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.fullName !== undefined && { full_name_enc: deps.cipher.encrypt(patch.fullName) }),
        ...(patch.alias !== undefined && { alias_enc: deps.cipher.encryptNullable(patch.alias) }),
        ...(patch.nik !== undefined && { nik_enc: deps.cipher.encryptNullable(patch.nik) }),
        ...(patch.birthDate !== undefined && {
          birth_date_enc: deps.cipher.encryptNullable(patch.birthDate),
        }),
        estimated_age: estimatedAge,
        ...ageColumns(c, birthDate, estimatedAge),
        ...(patch.sex !== undefined && { sex: patch.sex }),
        ...(patch.nationality !== undefined && { nationality: patch.nationality }),
        ...(patch.addressRegionCode !== undefined && addressColumns(deps, patch.addressRegionCode)),
        ...(patch.street !== undefined && { street_enc: deps.cipher.encryptNullable(patch.street) }),
        ...(patch.phone !== undefined && { phone_enc: deps.cipher.encryptNullable(patch.phone) }),
        ...(patch.education !== undefined && { education: patch.education }),
        ...(patch.occupation !== undefined && {
          occupation_enc: sealText(deps, patch.occupation),
        }),
        ...(patch.maritalStatus !== undefined && { marital_status: patch.maritalStatus }),
        ...(patch.disability !== undefined && {
          disability_enc: sealText(deps, patch.disability),
        }),
        ...(patch.religion !== undefined && { religion: patch.religion }),
        ...(patch.guardianPersonId !== undefined && { guardian_person_id: patch.guardianPersonId }),
        ...h,
        version: patch.version + 1,
        updated_at: now,
      })
      .where('id', '=', personId)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) {
      const latest = (await trx
        .selectFrom('persons')
        .selectAll()
        .where('id', '=', personId)
        .executeTakeFirst())!;
      throw errors.versionConflict(
        presentPerson(deps, latest, true, (await consentsOf(deps, trx, [personId])).get(personId) ?? []),
      );
    }
    await refreshCaseAggregates(trx, caseId);
    const changed = Object.keys(patch).filter((k) => k !== 'version');
    await caseEvent(trx, deps, actor, caseId, 'person_updated', { personId, fields: changed });
    await audit({
      action: 'person.updated',
      entityType: 'person',
      entityId: personId,
      details: { caseId, fields: changed },
    });
    const updated = (await trx
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', personId)
      .executeTakeFirst())!;
    return {
      person: presentPerson(
        deps,
        updated,
        true,
        (await consentsOf(deps, trx, [personId])).get(personId) ?? [],
      ),
      duplicates,
    };
  });
}

export async function recordConsent(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  personId: string,
  input: ConsentCreate,
) {
  const c = await loadCaseForWork(deps, actor, caseId);
  const person = await deps.db
    .selectFrom('persons')
    .select(['id', 'is_child'])
    .where('id', '=', personId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!person) throw errors.notFound();
  const fields: Record<string, string> = {};
  if (input.givenOn > (await todayIn(deps, c.task_force_id))) fields.givenOn = 'date_in_future';
  // A child does not consent alone: a parent or guardian does, or the social worker with a reason.
  if (person.is_child === 1 && input.givenBy === 'self') fields.givenBy = 'consent_child_self';
  if (input.sharingAgencyIds.length) {
    const found = await deps.db
      .selectFrom('agencies')
      .select('id')
      .where('id', 'in', input.sharingAgencyIds)
      .execute();
    if (found.length !== new Set(input.sharingAgencyIds).size) fields.sharingAgencyIds = 'agency_unknown';
  }
  if (Object.keys(fields).length) throw errors.validation(fields);
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .insertInto('consents')
      .values({
        id,
        person_id: personId,
        case_id: caseId,
        scopes: input.scopes.join(','),
        sharing_agency_ids: [...new Set(input.sharingAgencyIds)].join(','),
        given_on: input.givenOn,
        given_by: input.givenBy,
        note_enc: sealText(deps, input.note),
        recorded_by: actor.userId,
        recorded_at: now,
        withdrawn_on: null,
        withdrawn_by: null,
      })
      .execute();
    await caseEvent(trx, deps, actor, caseId, 'consent_recorded', { personId, scopes: input.scopes });
    await audit({
      action: 'consent.recorded',
      entityType: 'person',
      entityId: personId,
      details: { caseId, scopes: input.scopes },
    });
  });
  return getPerson(deps, actor, meta, caseId, personId);
}

export async function withdrawConsent(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  personId: string,
  consentId: string,
  withdrawnOn: string,
) {
  const c = await loadCaseForWork(deps, actor, caseId);
  const consent = await deps.db
    .selectFrom('consents')
    .selectAll()
    .where('id', '=', consentId)
    .where('person_id', '=', personId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!consent) throw errors.notFound();
  if (consent.withdrawn_on) throw errors.conflict();
  if (withdrawnOn > (await todayIn(deps, c.task_force_id)))
    throw errors.validation({ withdrawnOn: 'date_in_future' });
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .updateTable('consents')
      .set({ withdrawn_on: withdrawnOn, withdrawn_by: actor.userId })
      .where('id', '=', consentId)
      .execute();
    await caseEvent(trx, deps, actor, caseId, 'consent_withdrawn', { personId });
    await audit({
      action: 'consent.withdrawn',
      entityType: 'person',
      entityId: personId,
      details: { caseId, consentId },
    });
  });
  return getPerson(deps, actor, meta, caseId, personId);
}
