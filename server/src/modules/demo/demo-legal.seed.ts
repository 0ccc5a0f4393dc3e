import { addCalendarDays, type LegalStageCreate, type SuspectCreate } from '@sinergi/core';
import { ManualClock } from '../../platform/clock.js';
import type { Actor, AppDeps } from '../../platform/context.js';
import { loadActor } from '../../platform/http/auth-hooks.js';
import { trackOf } from '../legal/legal.policy.js';
import { assignPoliceAgency, recordLegalStage, recordPoliceReport } from '../legal/legal-track.service.js';
import {
  createProtection,
  createRestitution,
  decideProtection,
  recordRestitutionPayment,
  updateRestitution,
} from '../legal/restitution.service.js';
import { createSuspect } from '../legal/suspect.service.js';
import { prng, syntheticName } from './case-generator.js';

type Outcome =
  | 'penyidikan'
  | 'penyidikan_corporate'
  | 'p21'
  | 'sp3'
  | 'acquitted'
  | 'paid'
  | 'detention'
  | 'unpaid';

/** What each demo track ends as (issue: several at penyidikan, a few P21, verdicts, one SP3, a corporation). */
const PLAN: Outcome[] = [
  'paid',
  'detention',
  'acquitted',
  'unpaid',
  'sp3',
  'p21',
  'p21',
  'penyidikan_corporate',
  'penyidikan',
  'penyidikan',
  'penyidikan',
];

/** Days after the report at which each stage is dated. */
const AT = { lp: 3, sidik: 20, p21: 80, tahap2: 90, tuntut: 110, putusan: 170, eksekusi: 200 };

/**
 * Legal tracks for the TPPO demo cases, through the same services the API uses, each action on a
 * clock set to its own date. The oldest cases get verdicts so their dates lie in the past.
 */
export async function seedDemoLegal(
  deps: AppDeps,
  users: { uptdppa: string; polres: string; kejari: string },
  agencies: { polres: string; kejari: string },
): Promise<number> {
  const r = prng(2107);
  const load = async (id: string) => (await loadActor(deps, id, 'demo-seed')) as Actor;
  const actors = {
    uptdppa: await load(users.uptdppa),
    polres: await load(users.polres),
    kejari: await load(users.kejari),
  };
  const meta = { requestId: 'demo-seed', ip: null };
  const now = deps.clock.now();
  const cases = await deps.db
    .selectFrom('cases')
    .select(['id', 'reported_at', 'lead_agency_id'])
    .where('case_type', '=', 'tppo')
    .where('victim_count', '>', 0)
    .orderBy('reported_at')
    .execute();
  let seeded = 0;
  // Verdicts take the oldest cases; the rest the newest ones that still leave time for their dates.
  const newest = cases.slice(4).reverse();
  for (const [i, outcome] of PLAN.entries()) {
    const verdict = ['paid', 'detention', 'acquitted', 'unpaid'].includes(outcome);
    const last = verdict ? AT.eksekusi + 30 : outcome === 'sp3' || outcome === 'p21' ? AT.tahap2 : AT.sidik;
    const fits = (x: { reported_at: string }) =>
      new Date(`${addCalendarDays(x.reported_at.slice(0, 10), last)}T00:00:00Z`) <= now;
    const c = verdict ? cases[i] : newest.splice(newest.findIndex(fits), 1)[0];
    if (!c || !fits(c)) continue;
    const start = c.reported_at.slice(0, 10);
    const day = (n: number) => addCalendarDays(start, n);
    const clockAt = (date: string) => new ManualClock(new Date(`${date}T03:00:00Z`));
    const at = (date: string): AppDeps => ({ ...deps, clock: clockAt(date) });
    const victim = (await deps.db
      .selectFrom('persons')
      .select('id')
      .where('case_id', '=', c.id)
      .where('role', '=', 'victim')
      .orderBy('created_at')
      .executeTakeFirst())!;
    if (c.lead_agency_id !== agencies.polres)
      await assignPoliceAgency(at(day(1)), actors.uptdppa, meta, c.id, {
        version: (await trackOf(deps.db, c.id))?.version ?? 0,
        policeAgencyId: agencies.polres,
      });
    const seq = String(100 + i);
    const year = start.slice(0, 4);
    await recordPoliceReport(at(day(AT.lp)), actors.polres, meta, c.id, {
      number: `LP/B/${seq}/${year}/SPKT/Polres Manggarai`,
      reportDate: day(AT.lp),
      unit: 'polres',
      type: i % 3 === 0 ? 'A' : 'B',
      victimIds: [victim.id],
    });
    const stage = async (actor: Actor, date: string, input: Omit<LegalStageCreate, 'version' | 'on'>) =>
      recordLegalStage(at(date), actor, meta, c.id, {
        version: (await trackOf(deps.db, c.id))!.version,
        on: date,
        ...input,
      });
    const suspect = (input: Omit<SuspectCreate, 'statusOn'>, on: string) =>
      createSuspect(at(on), actors.polres, meta, c.id, { ...input, statusOn: on });
    const recruiter = await suspect(
      {
        kind: 'person',
        fullName: syntheticName(r, false),
        sex: 'Male',
        nationality: 'ID',
        roleInProcess: 'RecruiterOrIntermediary',
        relationToVictims: r() < 0.5 ? 'Family' : 'Friend',
        status: 'tersangka',
        detention: { from: day(AT.sidik), place: 'Rutan Polres Manggarai' },
      },
      day(AT.sidik),
    );
    void recruiter;
    if (outcome === 'penyidikan_corporate')
      await suspect(
        {
          kind: 'corporation',
          companyName: 'PT Karya Sawit Mandiri (perusahaan penempatan tanpa izin)',
          fullName: syntheticName(r, false),
          roleInProcess: 'BrokerTravelAgent',
          status: 'tersangka',
        },
        day(AT.sidik),
      );
    await stage(actors.polres, day(AT.sidik), {
      stage: 'penyidikan',
      documentNumber: `SPDP/${seq}/${year}/Reskrim`,
    });
    if (outcome.startsWith('penyidikan')) {
      seeded++;
      continue;
    }
    if (outcome === 'sp3') {
      await stage(actors.polres, day(AT.tahap2), {
        stage: 'sp3',
        documentNumber: `SP3/${seq}/${year}/Reskrim`,
        reason: 'Tidak cukup bukti: saksi kunci tidak dapat ditemukan',
      });
      seeded++;
      continue;
    }
    await stage(actors.polres, day(AT.p21 - 20), {
      stage: 'p19',
      documentNumber: `B-${seq}/N.3.21/Eku.1/${year}`,
    });
    await stage(actors.polres, day(AT.p21), {
      stage: 'p21',
      documentNumber: `B-${seq}/N.3.21/Eku.2/${year}`,
    });
    const protection = await createProtection(at(day(AT.lp + 5)), actors.polres, meta, c.id, {
      personId: victim.id,
      appliedOn: day(AT.lp + 5),
    });
    const p = protection.protections[0]!;
    await decideProtection(at(day(AT.lp + 35)), actors.polres, meta, c.id, p.id, {
      version: p.version,
      decision: r() < 0.8 ? 'granted' : 'refused',
      decidedOn: day(AT.lp + 35),
      kinds: ['legal', 'psychological'],
    });
    if (outcome === 'p21') {
      seeded++;
      continue;
    }
    await stage(actors.polres, day(AT.tahap2), {
      stage: 'tahap_ii',
      documentNumber: `TAHAP-II/${seq}/${year}`,
      prosecutionAgencyId: agencies.kejari,
    });
    const claim = await createRestitution(at(day(AT.p21)), actors.polres, meta, c.id, {
      victimId: victim.id,
      requestedOn: day(AT.p21),
      components: {
        lostIncomeOrProperty: 18_000_000,
        suffering: 7_500_000,
        medicalPsychological: 2_000_000,
        otherLosses: 700_000,
      },
    });
    let rest = claim.restitutions[0]!;
    const update = async (date: string, patch: Record<string, unknown>) => {
      const t = await updateRestitution(at(date), actors.kejari, meta, c.id, rest.id, {
        version: rest.version,
        ...patch,
      });
      rest = t.restitutions[0]!;
    };
    await update(day(AT.p21 + 15), { lpskAmount: 25_000_000, lpskOn: day(AT.p21 + 15) });
    await stage(actors.kejari, day(AT.tuntut), {
      stage: 'penuntutan',
      documentNumber: `PDM-${seq}/RTG/Eku.2/${year}`,
      charges: ['Pasal 2 ayat (1) UU 21/2007', 'Pasal 81 UU 18/2017'],
    });
    await update(day(AT.tuntut), { indictmentAmount: 25_000_000 });
    const acquitted = outcome === 'acquitted';
    await stage(actors.kejari, day(AT.putusan), {
      stage: 'putusan',
      documentNumber: `${seq}/Pid.Sus/${year}/PN Rtg`,
      verdict: {
        court: 'Pengadilan Negeri Ruteng',
        outcome: acquitted ? 'acquitted' : 'guilty',
        prisonMonths: acquitted ? 0 : 36,
        fineRupiah: acquitted ? 0 : 120_000_000,
        subsidiaryMonths: acquitted ? 0 : 3,
        servedOn: day(AT.putusan),
      },
    });
    if (!acquitted)
      await update(day(AT.putusan + 2), { grantedAmount: 25_000_000, servedOn: day(AT.putusan) });
    if (outcome === 'paid') {
      const pay = async (date: string, amount: number) => {
        const t = await recordRestitutionPayment(at(date), actors.kejari, meta, c.id, rest.id, {
          version: rest.version,
          amount,
          paidOn: date,
        });
        rest = t.restitutions[0]!;
      };
      await pay(day(AT.putusan + 9), 10_000_000);
      await pay(day(AT.putusan + 15), 15_000_000);
    }
    if (outcome === 'detention')
      await update(day(AT.eksekusi), { replacedByDetention: true, detentionMonths: 6 });
    if (outcome !== 'unpaid')
      await stage(actors.kejari, day(AT.eksekusi), {
        stage: 'eksekusi',
        documentNumber: `BA-8/${seq}/${year}`,
      });
    seeded++;
  }
  return seeded;
}
