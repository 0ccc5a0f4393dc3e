import type { ReferralCreate, ServiceType } from '@sinergi/core';
import { ManualClock } from '../../platform/clock.js';
import type { Actor, AppDeps } from '../../platform/context.js';
import { loadActor } from '../../platform/http/auth-hooks.js';
import { recordConsent } from '../persons/person.service.js';
import { createReferral } from '../referrals/referral.service.js';
import { actOnReferral } from '../referrals/referral-actions.service.js';
import { recordConference } from '../reintegration/conference.service.js';
import { addPlan, recordVisit } from '../reintegration/reintegration.service.js';
import { addLeg } from '../reintegration/repatriation.service.js';
import { changeServiceStatus, createService } from '../services/service.service.js';
import { setNeeds } from '../services/service-plan.service.js';

const DAY = 86_400_000;
const meta = { requestId: 'demo-seed', ip: null };

interface Plan {
  to: 'dinsos' | 'rsud' | 'lbh' | 'polres';
  services: ServiceType[];
  /** what the receiving agency does; `pending` stays unanswered (overdue after two working days) */
  answer: 'complete' | 'accept' | 'decline' | 'pending';
}

/** Service histories of the demo: one plan per case, applied to the UPTD PPA's most recent cases. */
const PLANS: Plan[][] = [
  [
    { to: 'dinsos', services: ['shelter', 'family_tracing'], answer: 'complete' },
    { to: 'rsud', services: ['medical_examination'], answer: 'pending' },
  ],
  [
    { to: 'rsud', services: ['visum_et_repertum'], answer: 'complete' },
    { to: 'lbh', services: ['legal_accompaniment', 'restitution_claim'], answer: 'pending' },
  ],
  [{ to: 'dinsos', services: ['psychosocial_support'], answer: 'accept' }],
  [
    { to: 'rsud', services: ['treatment'], answer: 'decline' },
    { to: 'polres', services: ['legal_accompaniment'], answer: 'pending' },
  ],
  [{ to: 'dinsos', services: ['repatriation'], answer: 'complete' }],
  [{ to: 'dinsos', services: ['economic_support', 'vocational_training'], answer: 'accept' }],
];

/**
 * Seeds referrals and services through the same services the API uses: UPTD PPA refers victims
 * (with their consent) to Dinas Sosial, RSUD, the legal-aid NGO and the Polres; some are completed,
 * one declined, a few left unanswered so they are overdue on "Tugas saya".
 */
export async function seedDemoServices(
  deps: AppDeps,
  agencies: Map<string, string>,
  users: Map<string, string>,
): Promise<number> {
  const actor = async (username: string) => (await loadActor(deps, users.get(username)!, 'demo-seed'))!;
  const manager = await actor('manajer.uptdppa');
  const receivers: Record<string, Actor | null> = {
    dinsos: await actor('layanan.dinsos'),
    rsud: await actor('layanan.rsud'),
    lbh: null,
    polres: null,
  };
  const cases = await deps.db
    .selectFrom('cases')
    .innerJoin('persons', 'persons.case_id', 'cases.id')
    .select(['cases.id', 'persons.id as person_id', 'persons.is_child'])
    .where('cases.lead_agency_id', '=', agencies.get('uptdppa')!)
    .where('cases.stage', 'in', ['in_services', 'service_plan', 'reintegration', 'monitoring'])
    .where('persons.role', '=', 'victim')
    .orderBy('cases.reported_at', 'desc')
    .execute();
  const seen = new Set<string>();
  const picked = cases.filter((c) => !seen.has(c.id) && seen.add(c.id)).slice(0, PLANS.length);
  const now = deps.clock.now().getTime();
  let count = 0;
  for (const [i, c] of picked.entries()) {
    const plan = PLANS[i]!;
    // Referrals of the first cases were sent five days ago, so the unanswered ones are overdue.
    const clock = new ManualClock(new Date(now - (5 + i * 3) * DAY));
    const d: AppDeps = { ...deps, clock };
    await recordConsent(d, manager, meta, c.id, c.person_id, {
      scopes: ['data_management', 'services', 'sharing'],
      sharingAgencyIds: plan.map((p) => agencies.get(p.to)!),
      givenOn: clock.now().toISOString().slice(0, 10),
      // A child's consent is given by the guardian.
      givenBy: c.is_child === 1 ? 'guardian' : 'self',
    });
    await setNeeds(d, manager, meta, c.id, c.person_id, {
      stages: ['rehabilitasi_kesehatan', 'rehabilitasi_sosial', 'layanan_hukum', 'reintegrasi_sosial'],
    });
    await createService(d, manager, meta, c.id, {
      personId: c.person_id,
      type: 'assessment',
      status: 'in_progress',
      notes: 'Asesmen biopsikososial oleh manajer kasus.',
    });
    for (const p of plan) {
      const input: ReferralCreate = {
        caseId: c.id,
        toAgencyId: agencies.get(p.to)!,
        personIds: [c.person_id],
        services: p.services,
        reason: 'AdditionalServicesRequired',
        urgency: p.to === 'rsud' ? 'high' : 'normal',
        details: 'Rujukan dari UPTD PPA sesuai rencana layanan.',
      };
      const r = await createReferral(d, manager, meta, input);
      count++;
      const receiver = receivers[p.to];
      if (p.answer === 'pending' || !receiver) continue;
      clock.advance(DAY);
      if (p.answer === 'decline') {
        await actOnReferral(d, receiver, meta, r.id, 'decline', {
          version: r.version,
          reason: 'Dokter spesialis tidak tersedia bulan ini; mohon rujuk ke RS Bhayangkara.',
        });
        continue;
      }
      const accepted = await actOnReferral(d, receiver, meta, r.id, 'accept', { version: r.version });
      const services = await deps.db
        .selectFrom('services')
        .select(['id', 'version'])
        .where('referral_id', '=', r.id)
        .execute();
      clock.advance(DAY);
      for (const s of services)
        await changeServiceStatus(d, receiver, meta, s.id, {
          version: s.version,
          to: 'in_progress',
          notes: 'Layanan dimulai.',
        });
      if (p.answer === 'complete') {
        clock.advance(2 * DAY);
        await actOnReferral(d, receiver, meta, r.id, 'complete', {
          version: accepted.version,
          outcome: 'Layanan selesai diberikan; korban dalam keadaan baik.',
        });
      }
    }
  }
  await seedDemoReintegration(deps, agencies, manager, receivers.dinsos!);
  return count;
}

/**
 * A deportee's way home from Nunukan (Kupang, Ruteng, the village) and reintegration with a barber
 * kit: follow-ups at 1 and 3 months found him working, at 6 months he had re-migrated and the case
 * is flagged. A second plan has its first visit overdue; a case conference leaves an action open.
 */
async function seedDemoReintegration(
  deps: AppDeps,
  agencies: Map<string, string>,
  manager: Actor,
  dinsos: Actor,
) {
  const rows = await deps.db
    .selectFrom('cases')
    .innerJoin('persons', 'persons.case_id', 'cases.id')
    .select(['cases.id', 'persons.id as person_id', 'cases.case_type'])
    .where('cases.lead_agency_id', '=', agencies.get('uptdppa')!)
    .where('cases.stage', 'in', ['reintegration', 'monitoring', 'in_services'])
    .where('persons.role', '=', 'victim')
    .orderBy('cases.reported_at')
    .execute();
  const deportee = rows.find((r) => r.case_type === 'pmi_deportee') ?? rows[0];
  const other = rows.find((r) => r.id !== deportee?.id);
  if (!deportee || !other) return;
  const now = deps.clock.now().getTime();
  const day = (n: number) => new Date(now + n * DAY).toISOString().slice(0, 10);
  const at = (n: number): AppDeps => ({ ...deps, clock: new ManualClock(new Date(now + n * DAY)) });
  const village = deps.reference.regionChildren('53.10.06')[0]?.code ?? '53.10';
  const legs = [
    {
      from: 'MY',
      to: '65.03',
      agency: 'bp3mi',
      date: -400,
      transport: 'Kapal Pelni',
      escort: 'Petugas BP3MI Nunukan',
    },
    {
      from: '65.03',
      to: '53.71',
      agency: 'bp3mi',
      date: -396,
      transport: 'Pesawat',
      escort: 'Petugas BP3MI',
    },
    {
      from: '53.71',
      to: '53.10',
      agency: 'dinsos',
      date: -393,
      transport: 'Pesawat',
      escort: 'Pekerja sosial Dinsos',
    },
    {
      from: '53.10',
      to: village,
      agency: 'dinsos',
      date: -392,
      transport: 'Mobil dinas',
      escort: 'Pekerja sosial Dinsos',
    },
  ];
  for (const l of legs) {
    await addLeg(at(l.date), manager, meta, deportee.id, {
      personId: deportee.person_id,
      from: l.from,
      to: l.to,
      agencyId: agencies.get(l.agency)!,
      plannedDate: day(l.date),
      actualDate: day(l.date),
      escortRequired: false,
      escort: l.escort,
      transport: l.transport,
      cost: l.from === '65.03' ? 1_850_000 : null,
      paidBy: l.from === '65.03' ? 'BP3MI' : null,
    });
  }
  const plan = await addPlan(at(-390), manager, meta, deportee.id, {
    personId: deportee.person_id,
    supportType: 'economic',
    providerAgencyId: agencies.get('dinsos')!,
    amount: 2_500_000,
    items: 'Satu set alat cukur (barber kit)',
    startDate: day(-390),
  });
  const visits = plan.plans[0]!.visits;
  const findings = [
    { situation: 'working' as const, text: 'Membuka usaha cukur di pasar desa.' },
    { situation: 'working' as const, text: 'Usaha berjalan; penghasilan cukup untuk keluarga.' },
    {
      situation: 're_migrated' as const,
      text: 'Menurut keluarga, berangkat lagi ke Malaysia lewat jalur tidak resmi.',
    },
  ];
  for (const [i, f] of findings.entries()) {
    const v = visits[i]!;
    const visited = Math.round((Date.parse(v.dueDate) - now) / DAY) + 2;
    await recordVisit(at(visited), dinsos, meta, v.id, {
      version: v.version,
      visitedOn: day(visited),
      situation: f.situation,
      findings: f.text,
      nextStep: f.situation === 're_migrated' ? 'Koordinasi dengan BP3MI dan desa' : 'Kunjungan berikutnya',
    });
  }
  await addPlan(at(-45), manager, meta, other.id, {
    personId: other.person_id,
    supportType: 'vocational',
    providerAgencyId: agencies.get('dinsos')!,
    items: 'Pelatihan menjahit di BLK',
    startDate: day(-45),
  });
  await recordConference(at(-3), manager, meta, other.id, {
    heldOn: day(-3),
    agencyIds: [agencies.get('uptdppa')!, agencies.get('dinsos')!, agencies.get('rsud')!],
    summary: 'Pembahasan kasus: kesehatan pulih, perlu pendampingan keluarga dan pelatihan.',
    decisions: 'Dinsos melakukan asesmen keluarga; UPTD PPA memantau.',
    actions: [
      {
        description: 'Asesmen keluarga di desa asal',
        ownerAgencyId: agencies.get('dinsos')!,
        dueDate: day(4),
      },
    ],
  });
}
