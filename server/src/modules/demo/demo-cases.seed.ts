import type { CaseStage, ScreeningResult } from '@sinergi/core';
import { ManualClock } from '../../platform/clock.js';
import type { Actor, AppDeps } from '../../platform/context.js';
import { loadActor } from '../../platform/http/auth-hooks.js';
import { caseRepository } from '../cases/case.repository.js';
import { createCase, transitionCase } from '../cases/case.service.js';
import { createPerson, recordConsent, updatePerson } from '../persons/person.service.js';
import { recordScreening } from '../screenings/screening.service.js';
import { prng, syntheticCase, syntheticName } from './case-generator.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The stages to walk through to reach `target`, given how screening turned out. */
function pathTo(target: CaseStage, screening: ScreeningResult | null): CaseStage[] {
  if (target === 'reported') return [];
  if (target === 'screening') return ['screening'];
  const head: CaseStage[] =
    screening === 'identified'
      ? ['screening', 'identified']
      : screening === 'potential'
        ? ['screening']
        : ['screening', 'not_tppo'];
  const tail: CaseStage[] = ['assessment', 'service_plan', 'in_services', 'reintegration', 'monitoring'];
  if (target === 'identified') return screening === 'identified' ? head : [...head, 'assessment'];
  const end = target === 'closed' ? tail.length : tail.indexOf(target) + 1;
  return [...head, ...tail.slice(0, Math.max(1, end))];
}

/**
 * Seeds synthetic cases through the same services the API uses, on a clock set to each case's own
 * dates, so numbers, timelines, deadlines and the audit trail look as they would in real use.
 */
export async function seedDemoCases(
  deps: AppDeps,
  users: { uptdppa: string; polres: string },
  count = 60,
  seed = 2026,
): Promise<number> {
  const r = prng(seed);
  const actors: Record<'uptdppa' | 'polres', Actor> = {
    uptdppa: (await loadActor(deps, users.uptdppa, 'demo-seed'))!,
    polres: (await loadActor(deps, users.polres, 'demo-seed'))!,
  };
  const to = deps.clock.now();
  const from = new Date('2022-01-03T00:00:00Z');
  const villages = (district: string) => deps.reference.regionChildren(district).map((v) => v.code);
  const meta = { requestId: 'demo-seed', ip: null };
  const specs = Array.from({ length: count }, () =>
    syntheticCase(r, { from, to: new Date(to.getTime() - 2 * DAY), villages }),
  ).sort((a, b) => a.input.reportedAt.localeCompare(b.input.reportedAt));
  for (const spec of specs) {
    const clock = new ManualClock(new Date(Date.parse(spec.input.reportedAt) + 20 * 60_000));
    const d: AppDeps = { ...deps, clock };
    const actor = actors[spec.lead];
    let c = await createCase(d, actor, meta, spec.input);
    const ids: string[] = [];
    const childIds: string[] = [];
    let guardianId: string | null = null;
    for (const p of spec.persons) {
      const { guardianOf: _ignored, ...input } = p;
      const created = (await createPerson(d, actor, meta, c.id, input)).person;
      ids.push(created.id);
      if (created.isChild && input.role === 'victim') childIds.push(created.id);
      if (input.role === 'guardian') guardianId = created.id;
      if (input.role === 'victim' && r() < 0.9) {
        await recordConsent(d, actor, meta, c.id, created.id, {
          scopes: ['data_management', 'services', 'reporting'],
          sharingAgencyIds: [],
          givenOn: spec.input.reportedAt.slice(0, 10),
          givenBy: created.isChild ? 'guardian' : 'self',
        });
      }
    }
    // Every child victim gets the guardian recorded (the age at the incident decides who is a child).
    if (childIds.length) {
      guardianId ??= (
        await createPerson(d, actor, meta, c.id, {
          role: 'guardian',
          fullName: syntheticName(r, true),
          sex: 'Female',
          estimatedAge: 45,
        })
      ).person.id;
      for (const childId of childIds)
        await updatePerson(d, actor, meta, c.id, childId, { version: 1, guardianPersonId: guardianId });
    }
    clock.advance(r() < 0.7 ? 30 * 60_000 : 8 * HOUR);
    let result: ScreeningResult | null = null;
    const steps = pathTo(
      spec.targetStage,
      spec.screening?.length ? (spec.input.caseType === 'tppo' ? 'identified' : 'potential') : 'not_tppo',
    );
    for (const stage of steps) {
      const row = (await caseRepository.byId(deps.db, c.id))!;
      if (
        stage === 'identified' ||
        stage === 'not_tppo' ||
        (stage === 'assessment' && row.stage === 'screening')
      ) {
        if (!result) {
          const screened = await recordScreening(d, actor, meta, c.id, {
            personId: ids[0] ?? null,
            checked: spec.screening ?? [],
          });
          result = screened.result;
          clock.advance(2 * HOUR);
        }
      }
      const fresh = (await caseRepository.byId(deps.db, c.id))!;
      c = await transitionCase(d, actor, meta, c.id, { version: fresh.version, to: stage });
      clock.advance((1 + r() * 20) * DAY);
      if (clock.now().getTime() > to.getTime()) break;
    }
    if (spec.targetStage === 'closed' && c.stage !== 'closed' && clock.now().getTime() < to.getTime()) {
      const fresh = (await caseRepository.byId(deps.db, c.id))!;
      await transitionCase(d, actor, meta, c.id, {
        version: fresh.version,
        to: 'closed',
        reason: 'Layanan selesai, korban telah kembali ke keluarga',
        closureReason: 'services_completed',
      });
    }
  }
  return specs.length;
}
