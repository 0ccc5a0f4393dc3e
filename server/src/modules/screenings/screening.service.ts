import { randomUUID } from 'node:crypto';
import {
  type ChecklistIndicator,
  DEFAULT_SCREENING_CHECKLIST,
  elementsFromIndicators,
  type ScreeningCreate,
  type ScreeningResult,
  screeningResult,
} from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { errors } from '../../platform/errors.js';
import { caseEvent, loadCaseFor, loadCaseForWork } from '../cases/case.service.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

export interface ChecklistView {
  id: string;
  version: number;
  indicators: ChecklistIndicator[];
  note: string | null;
  createdAt: string;
}

function presentChecklist(row: {
  id: string;
  version: number;
  indicators: string;
  note: string | null;
  created_at: string;
}): ChecklistView {
  return {
    id: row.id,
    version: row.version,
    indicators: JSON.parse(row.indicators) as ChecklistIndicator[],
    note: row.note,
    createdAt: row.created_at,
  };
}

/** The checklist in force: the newest version; the first one comes from core when none exists. */
export async function currentChecklist(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  db: Db = deps.db,
): Promise<ChecklistView> {
  const row = await db
    .selectFrom('screening_checklists')
    .selectAll()
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row) return presentChecklist(row);
  const first = {
    id: randomUUID(),
    version: 1,
    indicators: JSON.stringify(DEFAULT_SCREENING_CHECKLIST),
    note: 'UU 21/2007 art. 1',
    created_by: null,
    created_at: deps.clock.now().toISOString(),
  };
  await db
    .insertInto('screening_checklists')
    .values(first)
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
  return presentChecklist(
    (await db.selectFrom('screening_checklists').selectAll().where('version', '=', 1).executeTakeFirst())!,
  );
}

/** An administrator publishes a new version; earlier screenings keep theirs. */
export async function publishChecklist(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  input: { indicators: ChecklistIndicator[]; note?: string | null },
): Promise<ChecklistView> {
  const ids = input.indicators.map((i) => i.id);
  if (new Set(ids).size !== ids.length) throw errors.validation({ indicators: 'invalid_value' });
  for (const element of ['process', 'means', 'purpose'] as const) {
    if (!input.indicators.some((i) => i.element === element))
      throw errors.validation({ indicators: 'too_few' });
  }
  const current = await currentChecklist(deps);
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const id = randomUUID();
    const version = current.version + 1;
    await trx
      .insertInto('screening_checklists')
      .values({
        id,
        version,
        indicators: JSON.stringify(input.indicators),
        note: input.note ?? null,
        created_by: actor.userId,
        created_at: deps.clock.now().toISOString(),
      })
      .execute();
    await audit({
      action: 'checklist.updated',
      entityType: 'screening_checklist',
      entityId: id,
      details: { version, indicators: input.indicators.length },
    });
    return presentChecklist(
      (await trx.selectFrom('screening_checklists').selectAll().where('id', '=', id).executeTakeFirst())!,
    );
  });
}

async function presentScreenings(deps: Deps, db: Db, caseId: string, full: boolean) {
  const rows = await db
    .selectFrom('screenings')
    .innerJoin('screening_checklists', 'screening_checklists.id', 'screenings.checklist_id')
    .leftJoin('users', 'users.id', 'screenings.screened_by')
    .selectAll('screenings')
    .select(['screening_checklists.version', 'screening_checklists.indicators', 'users.display_name'])
    .where('screenings.case_id', '=', caseId)
    .orderBy('screenings.screened_at', 'desc')
    .orderBy('screenings.id')
    .execute();
  return rows.map((r) => {
    const checked = JSON.parse(r.checked) as string[];
    return {
      id: r.id,
      personId: r.person_id,
      checklistVersion: r.version,
      checked,
      elements: elementsFromIndicators(JSON.parse(r.indicators) as ChecklistIndicator[], checked),
      isChild: r.is_child === 1,
      computedResult: r.computed_result as ScreeningResult,
      result: r.result as ScreeningResult,
      note: full ? deps.cipher.decryptNullable(r.note_enc) : null,
      screenedBy: r.display_name,
      screenedAt: r.screened_at,
    };
  });
}

export async function listScreenings(deps: Deps, actor: Actor, caseId: string) {
  const { access } = await loadCaseFor(deps, actor, caseId);
  return { items: await presentScreenings(deps, deps.db, caseId, access === 'full') };
}

/**
 * Records a screening against the checklist in force. The law's rule computes the result (a child
 * needs no "means"); the screener may confirm it or set another, which the timeline shows.
 */
export async function recordScreening(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  input: ScreeningCreate,
) {
  const c = await loadCaseForWork(deps, actor, caseId);
  if (c.stage === 'closed') throw errors.validation({ _: 'transition_not_allowed' });
  const checklist = await currentChecklist(deps);
  const known = new Set(checklist.indicators.map((i) => i.id));
  if (input.checked.some((id) => !known.has(id))) throw errors.validation({ checked: 'indicator_unknown' });
  let isChild = false;
  if (input.personId) {
    const p = await deps.db
      .selectFrom('persons')
      .select(['is_child'])
      .where('id', '=', input.personId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!p) throw errors.validation({ personId: 'person_unknown' });
    isChild = p.is_child === 1;
  } else {
    isChild = c.child_victim_count > 0 && c.child_victim_count === c.victim_count;
  }
  const computed = screeningResult(elementsFromIndicators(checklist.indicators, input.checked), isChild);
  const result = input.result ?? computed;
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .insertInto('screenings')
      .values({
        id,
        case_id: caseId,
        person_id: input.personId ?? null,
        checklist_id: checklist.id,
        checked: JSON.stringify([...new Set(input.checked)]),
        is_child: isChild ? 1 : 0,
        computed_result: computed,
        result,
        note_enc: deps.cipher.encryptNullable(input.note),
        screened_by: actor.userId,
        screened_at: now,
      })
      .execute();
    await trx
      .updateTable('cases')
      .set({
        latest_screening: result,
        version: c.version + 1,
        updated_at: now,
        first_response_at: c.first_response_at ?? now,
      })
      .where('id', '=', caseId)
      .execute();
    await caseEvent(trx, deps, actor, caseId, 'screening_recorded', {
      computed,
      result,
      checklistVersion: checklist.version,
      overridden: result !== computed,
    });
    await audit({
      action: 'screening.recorded',
      entityType: 'case',
      entityId: caseId,
      details: { result, computed },
    });
    return (await presentScreenings(deps, trx, caseId, true)).find((s) => s.id === id)!;
  });
}
