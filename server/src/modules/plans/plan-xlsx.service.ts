import { randomUUID } from 'node:crypto';
import {
  type ActivityInput,
  activityInputSchema,
  BUDGET_SOURCES,
  fieldMessage,
  fromSpreadsheetText,
  HORIZONS,
  type Language,
  localizeIssues,
  PERIOD_KINDS,
  type Plan,
  type PlanInput,
  planInputSchema,
  spreadsheetText,
} from '@sinergi/core';
import ExcelJS from 'exceljs';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { getPlanTree, insertActivity, planFor, presentPlan } from './plan.service.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip' | 'lang'>;

/**
 * The RAD matrix as Indonesian offices keep it: one row per activity with its programme,
 * indicator, baseline, a target per year, the responsible and supporting agencies, the budget per
 * year and source, and what was realised each year. A second sheet names the plan. The same
 * layout is read back by the import.
 */
const SHEET = 'RAD';
const PLAN_SHEET = 'Rencana';
const SOURCE_LABEL: Record<(typeof BUDGET_SOURCES)[number], string> = {
  apbd: 'APBD',
  apbn: 'APBN',
  village_funds: 'Dana Desa',
  donor: 'Donor',
  other: 'Lainnya',
};
const HORIZON_LABEL: Record<(typeof HORIZONS)[number], string> = {
  short_term: 'Jangka pendek',
  long_term: 'Jangka panjang',
};
const PERIOD_LABEL: Record<(typeof PERIOD_KINDS)[number], string> = {
  quarter: 'Triwulan',
  semester: 'Semester',
};
const FIXED = {
  no: 'No',
  programme: 'Program',
  sub: 'Sub gugus tugas',
  horizon: 'Jangka',
  title: 'Kegiatan',
  indicator: 'Indikator',
  unit: 'Satuan',
  baseline: 'Baseline',
  responsible: 'Penanggung jawab',
  supporting: 'Instansi pendukung',
} as const;
const PLAN_LABELS = {
  title: 'Judul',
  startYear: 'Tahun awal',
  endYear: 'Tahun akhir',
  periodKind: 'Periode pelaporan',
} as const;

const text = (v: string) => spreadsheetText(v);

/** The workbook of a plan, for its task force's members. */
export async function exportPlanXlsx(deps: Deps, actor: Actor, meta: Meta, planId: string) {
  const plan = await planFor(deps.db, actor, planId);
  const years = Array.from({ length: plan.end_year - plan.start_year + 1 }, (_, i) => plan.start_year + i);
  const trees = await Promise.all(years.map((y) => getPlanTree(deps, actor, planId, y)));
  const [agencies, subs] = await Promise.all([
    deps.db
      .selectFrom('agencies')
      .select(['id', 'short_name'])
      .where('task_force_id', '=', plan.task_force_id)
      .execute(),
    deps.db
      .selectFrom('sub_task_forces')
      .select(['id', 'name'])
      .where('task_force_id', '=', plan.task_force_id)
      .execute(),
  ]);
  const agencyName = new Map(agencies.map((a) => [a.id, a.short_name]));
  const subName = new Map(subs.map((s) => [s.id, s.name]));
  const tree = trees[0]!;
  const activities = tree.programmes.flatMap((p) => p.activities.map((a) => ({ p, a })));
  // Budget columns: APBD for every year, and every other source the plan uses.
  const used = new Set<(typeof BUDGET_SOURCES)[number]>(['apbd']);
  for (const { a } of activities) for (const b of a.budgets) used.add(b.source);
  const sources = BUDGET_SOURCES.filter((s) => used.has(s));
  const realisedBy = new Map<string, (number | null)[]>();
  trees.forEach((t, i) => {
    for (const p of t.programmes)
      for (const a of p.activities) {
        const list = realisedBy.get(a.id) ?? years.map(() => null);
        list[i] = a.realised;
        realisedBy.set(a.id, list);
      }
  });

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sinergi';
  const sheet = workbook.addWorksheet(SHEET);
  const header = [
    FIXED.no,
    FIXED.programme,
    FIXED.sub,
    FIXED.horizon,
    FIXED.title,
    FIXED.indicator,
    FIXED.unit,
    FIXED.baseline,
    ...years.map((y) => `Target ${y}`),
    FIXED.responsible,
    FIXED.supporting,
    ...years.flatMap((y) => sources.map((s) => `Anggaran ${y} ${SOURCE_LABEL[s]}`)),
    ...years.map((y) => `Realisasi ${y}`),
  ];
  sheet.addRow(header).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 5 }];
  activities.forEach(({ p, a }, i) => {
    const budget = (y: number, s: string) => {
      const lines = a.budgets.filter((b) => b.year === y && b.source === s);
      return lines.length ? lines.reduce((sum, b) => sum + b.amount, 0) : null;
    };
    sheet.addRow([
      i + 1,
      text(p.title),
      text(p.subTaskForceId ? (subName.get(p.subTaskForceId) ?? '') : ''),
      HORIZON_LABEL[p.horizon],
      text(a.title),
      text(a.indicator),
      text(a.unit),
      a.baseline,
      ...years.map((y) => a.targets.find((t) => t.year === y)?.value ?? null),
      text(agencyName.get(a.responsibleAgencyId) ?? ''),
      text(a.supportingAgencyIds.map((id) => agencyName.get(id) ?? '').join(', ')),
      ...years.flatMap((y) => sources.map((s) => budget(y, s))),
      ...(realisedBy.get(a.id) ?? []),
    ]);
  });
  sheet.columns.forEach((col, i) => {
    col.width = i === 0 ? 5 : i < 8 ? 28 : 16;
  });
  const info = workbook.addWorksheet(PLAN_SHEET);
  info.addRow([PLAN_LABELS.title, text(plan.title)]);
  info.addRow([PLAN_LABELS.startYear, plan.start_year]);
  info.addRow([PLAN_LABELS.endYear, plan.end_year]);
  info.addRow([PLAN_LABELS.periodKind, PERIOD_LABEL[plan.period_kind]]);
  info.getColumn(1).font = { bold: true };
  info.getColumn(1).width = 22;
  info.getColumn(2).width = 60;
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await inTransaction(deps, actor, meta, (_t, audit) =>
    audit({
      action: 'plan.exported',
      entityType: 'plan',
      entityId: planId,
      details: { format: 'xlsx', activities: activities.length },
    }),
  );
  return { buffer, filename: `RAD-${plan.start_year}-${plan.end_year}.xlsx` };
}

export interface PlanImportProblem {
  /** The spreadsheet row (1 is the header) or 0 for the plan sheet and the layout. */
  row: number;
  field: string;
  message: string;
}

export interface PlanImportPreview {
  plan: PlanInput | null;
  programmes: number;
  activities: number;
  rows: { row: number; programme: string; title: string; responsible: string }[];
  problems: PlanImportProblem[];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return fromSpreadsheetText(String(v)).trim();
}

function cellNumber(v: ExcelJS.CellValue): number | null | 'invalid' {
  const s = cellText(v).replace(/\s/g, '');
  if (s === '') return null;
  // Numbers typed the Indonesian way (1.500.000 or 2,5) as well as plain ones.
  const normal = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)
    ? s.replace(/\./g, '').replace(',', '.')
    : s.replace(',', '.');
  const n = Number(normal);
  return Number.isFinite(n) ? n : 'invalid';
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Reads a RAD workbook in the export's layout and checks every row with the same rules as the
 * forms (and the task force's agencies and sub-task forces by name). Nothing is saved here.
 */
async function readPlanWorkbook(deps: Deps, actor: Actor, lang: Language, data: Buffer) {
  const problems: PlanImportProblem[] = [];
  const say = (row: number, field: string, key: string, params: Record<string, unknown> = {}) =>
    problems.push({ row, field, message: fieldMessage(key, lang, params) });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw errors.validation({ file: 'xlsx_unreadable' });
  }
  const info = workbook.getWorksheet(PLAN_SHEET);
  const sheet = workbook.getWorksheet(SHEET);
  if (!info || !sheet) throw errors.validation({ file: 'rad_layout' });
  const infoValue = (label: string) => {
    let found = '';
    info.eachRow((r) => {
      if (norm(cellText(r.getCell(1).value)) === norm(label)) found = cellText(r.getCell(2).value);
    });
    return found;
  };
  const periodText = norm(infoValue(PLAN_LABELS.periodKind));
  const periodKind = PERIOD_KINDS.find((k) => norm(PERIOD_LABEL[k]) === periodText || k === periodText);
  const planParsed = planInputSchema.safeParse(
    {
      title: infoValue(PLAN_LABELS.title),
      startYear: Number(infoValue(PLAN_LABELS.startYear)) || undefined,
      endYear: Number(infoValue(PLAN_LABELS.endYear)) || undefined,
      periodKind,
      decreeId: null,
    },
    { reportInput: true },
  );
  let plan: PlanInput | null = null;
  if (planParsed.success) plan = planParsed.data;
  else
    for (const [field, message] of Object.entries(localizeIssues(planParsed.error.issues, lang)))
      problems.push({ row: 0, field: `${PLAN_SHEET}.${field}`, message });

  // Columns by their header text.
  const headerRow = sheet.getRow(1);
  const columns = new Map<string, number>();
  const targets: { year: number; col: number }[] = [];
  const budgets: { year: number; source: (typeof BUDGET_SOURCES)[number]; col: number }[] = [];
  headerRow.eachCell((cell, col) => {
    const h = cellText(cell.value);
    const target = /^target (\d{4})$/i.exec(h);
    const budget = /^anggaran (\d{4}) (.+)$/i.exec(h);
    if (target) targets.push({ year: Number(target[1]), col });
    else if (budget) {
      const source = BUDGET_SOURCES.find(
        (s) => norm(SOURCE_LABEL[s]) === norm(budget[2]!) || s === budget[2],
      );
      if (source) budgets.push({ year: Number(budget[1]), source, col });
      else say(1, h, 'budget_source_unknown');
    } else columns.set(norm(h), col);
  });
  for (const label of [
    FIXED.programme,
    FIXED.title,
    FIXED.indicator,
    FIXED.unit,
    FIXED.baseline,
    FIXED.responsible,
  ])
    if (!columns.has(norm(label))) say(1, label, 'column_missing');
  if (problems.some((p) => p.row === 1 && p.message === fieldMessage('column_missing', lang)))
    return { plan, problems, rows: [] as ImportRow[] };

  const tfId = actor.taskForceId!;
  const [agencies, subs] = await Promise.all([
    deps.db.selectFrom('agencies').select(['id', 'short_name']).where('task_force_id', '=', tfId).execute(),
    deps.db.selectFrom('sub_task_forces').select(['id', 'name']).where('task_force_id', '=', tfId).execute(),
  ]);
  const agencyByName = new Map(agencies.map((a) => [norm(a.short_name), a.id]));
  const subByName = new Map(subs.map((s) => [norm(s.name), s.id]));
  const get = (r: ExcelJS.Row, label: string) => {
    const col = columns.get(norm(label));
    return col ? r.getCell(col).value : null;
  };

  const rows: ImportRow[] = [];
  sheet.eachRow((r, rowNumber) => {
    if (rowNumber === 1) return;
    const values = [FIXED.programme, FIXED.title, FIXED.indicator].map((l) => cellText(get(r, l)));
    if (values.every((v) => v === '')) return;
    const before = problems.length;
    const programme = cellText(get(r, FIXED.programme));
    if (!programme) say(rowNumber, FIXED.programme, 'required');
    const subText = cellText(get(r, FIXED.sub));
    const subTaskForceId = subText ? (subByName.get(norm(subText)) ?? null) : null;
    if (subText && !subTaskForceId) say(rowNumber, FIXED.sub, 'sub_task_force_unknown');
    const horizonText = norm(cellText(get(r, FIXED.horizon)));
    const horizon =
      HORIZONS.find((h) => norm(HORIZON_LABEL[h]) === horizonText || h === horizonText) ??
      (horizonText === '' ? 'short_term' : null);
    if (!horizon) say(rowNumber, FIXED.horizon, 'horizon_unknown');
    const responsibleText = cellText(get(r, FIXED.responsible));
    const responsibleAgencyId = agencyByName.get(norm(responsibleText)) ?? '';
    if (!responsibleText) say(rowNumber, FIXED.responsible, 'required');
    else if (!responsibleAgencyId) say(rowNumber, FIXED.responsible, 'agency_not_member');
    const supportingAgencyIds: string[] = [];
    for (const name of cellText(get(r, FIXED.supporting))
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const id = agencyByName.get(norm(name));
      if (id) supportingAgencyIds.push(id);
      else say(rowNumber, FIXED.supporting, 'agency_not_member_named', { name });
    }
    const number = (v: ExcelJS.CellValue, field: string) => {
      const n = cellNumber(v);
      if (n === 'invalid') {
        say(rowNumber, field, 'invalid_type');
        return null;
      }
      return n;
    };
    const baseline = number(get(r, FIXED.baseline), FIXED.baseline);
    const activityTargets = targets.flatMap((t) => {
      const value = number(r.getCell(t.col).value, `Target ${t.year}`);
      return value === null ? [] : [{ year: t.year, value }];
    });
    const activityBudgets = budgets.flatMap((b) => {
      const amount = number(r.getCell(b.col).value, `Anggaran ${b.year} ${SOURCE_LABEL[b.source]}`);
      return amount === null ? [] : [{ year: b.year, source: b.source, amount }];
    });
    const input = {
      programmeId: randomUUID(),
      title: cellText(get(r, FIXED.title)),
      indicator: cellText(get(r, FIXED.indicator)),
      unit: cellText(get(r, FIXED.unit)),
      baseline: baseline ?? undefined,
      targets: activityTargets,
      responsibleAgencyId: responsibleAgencyId || randomUUID(),
      supportingAgencyIds,
      budgets: activityBudgets,
    };
    const parsed = activityInputSchema.safeParse(input, { reportInput: true });
    if (!parsed.success)
      for (const [path, message] of Object.entries(localizeIssues(parsed.error.issues, lang))) {
        const [head, index] = path.split('.');
        const budget = activityBudgets[Number(index)];
        const label =
          head === 'targets'
            ? `Target ${activityTargets[Number(index)]?.year ?? ''}`
            : head === 'budgets' && budget
              ? `Anggaran ${budget.year} ${SOURCE_LABEL[budget.source]}`
              : (FIXED[head as keyof typeof FIXED] ?? head ?? path);
        // The agency and unreadable numbers were already reported by name.
        if (head === 'responsibleAgencyId' || problems.slice(before).some((p) => p.field === label)) continue;
        problems.push({ row: rowNumber, field: label, message });
      }
    if (plan) {
      const outside = (y: number) => y < plan.startYear || y > plan.endYear;
      for (const t of activityTargets)
        if (outside(t.year)) say(rowNumber, `Target ${t.year}`, 'year_outside_plan');
      for (const b of activityBudgets)
        if (outside(b.year))
          say(rowNumber, `Anggaran ${b.year} ${SOURCE_LABEL[b.source]}`, 'year_outside_plan');
    }
    if (problems.length === before && parsed.success && horizon)
      rows.push({
        row: rowNumber,
        programme: { title: programme, subTaskForceId, horizon },
        activity: parsed.data,
        responsible: responsibleText,
      });
  });
  if (!rows.length && !problems.length) say(2, FIXED.title, 'rad_no_rows');
  return { plan, problems, rows };
}

interface ImportRow {
  row: number;
  programme: { title: string; subTaskForceId: string | null; horizon: (typeof HORIZONS)[number] };
  activity: ActivityInput;
  responsible: string;
}

const programmeKey = (p: ImportRow['programme']) => `${norm(p.title)}|${p.subTaskForceId ?? ''}|${p.horizon}`;

function previewOf(read: Awaited<ReturnType<typeof readPlanWorkbook>>): PlanImportPreview {
  return {
    plan: read.plan,
    programmes: new Set(read.rows.map((r) => programmeKey(r.programme))).size,
    activities: read.rows.length,
    rows: read.rows.map((r) => ({
      row: r.row,
      programme: r.programme.title,
      title: r.activity.title,
      responsible: r.responsible,
    })),
    problems: read.problems,
  };
}

/**
 * Imports a plan from a RAD workbook: a dry run answers the preview and every problem; the real
 * run saves the plan, its programmes and activities in one transaction, and only when no row has
 * a problem.
 */
export async function importPlanXlsx(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  data: Buffer,
  dryRun: boolean,
): Promise<{ preview: PlanImportPreview; plan: Plan | null }> {
  if (!actor.taskForceId || !actor.permissions.has('taskforce.manage')) throw errors.forbidden();
  const read = await readPlanWorkbook(deps, actor, meta.lang, data);
  const preview = previewOf(read);
  if (dryRun || read.problems.length || !read.plan) return { preview, plan: null };
  const planInput = read.plan;
  const planId = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await trx
      .insertInto('plans')
      .values({
        id: planId,
        task_force_id: actor.taskForceId!,
        title: planInput.title,
        start_year: planInput.startYear,
        end_year: planInput.endYear,
        period_kind: planInput.periodKind,
        decree_id: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const programmeIds = new Map<string, string>();
    for (const r of read.rows) {
      const key = programmeKey(r.programme);
      let programmeId = programmeIds.get(key);
      if (!programmeId) {
        programmeId = randomUUID();
        programmeIds.set(key, programmeId);
        await trx
          .insertInto('plan_programmes')
          .values({
            id: programmeId,
            plan_id: planId,
            title: r.programme.title,
            sub_task_force_id: r.programme.subTaskForceId,
            horizon: r.programme.horizon,
            position: programmeIds.size,
            version: 1,
          })
          .execute();
      }
      await insertActivity(trx, planId, randomUUID(), { ...r.activity, programmeId }, now);
    }
    await audit({
      action: 'plan.imported',
      entityType: 'plan',
      entityId: planId,
      details: { programmes: programmeIds.size, activities: read.rows.length },
    });
  });
  const row = await deps.db
    .selectFrom('plans')
    .selectAll()
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();
  return { preview, plan: presentPlan(row) };
}
