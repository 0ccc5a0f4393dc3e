import { randomBytes } from 'node:crypto';
import type { AgencySector, HtcdsOrganisationType, Role } from '@sinergi/core';
import { setMfaRequiredRoles } from '../../platform/auth/mfa.js';
import type { AppDeps } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { DEMO_SETTING, getSetting, setSetting } from '../../platform/settings.js';
import { createAgency } from '../agencies/agency.service.js';
import { createTaskForce } from '../taskforces/taskforce.service.js';
import { createUser } from '../users/user.service.js';
import { seedDemoCases } from './demo-cases.seed.js';
import { seedDemoMembership } from './demo-coordination.seed.js';
import { seedDemoLegal } from './demo-legal.seed.js';
import { seedDemoMeetings } from './demo-meetings.seed.js';
import { NUNUKAN_USERS, seedDemoNunukan } from './demo-nunukan.seed.js';
import { seedDemoPlan } from './demo-plan.seed.js';
import { seedDemoPrevention } from './demo-prevention.seed.js';
import { seedDemoYear2025 } from './demo-report.seed.js';
import { seedDemoServices } from './demo-services.seed.js';

interface DemoAgency {
  key: string;
  name: string;
  shortName: string;
  htcdsType: HtcdsOrganisationType;
  sector: AgencySector;
  regionCode: string;
}

/** Member agencies of the Manggarai task force (domain §8). NGO names are illustrative. */
export const DEMO_AGENCIES: DemoAgency[] = [
  {
    key: 'dp3a',
    name: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Manggarai',
    shortName: 'DP3A Manggarai',
    htcdsType: 'LocalGovernmentOrganisation',
    sector: 'women_child_protection',
    regionCode: '53.10',
  },
  {
    key: 'uptdppa',
    name: 'UPTD Perlindungan Perempuan dan Anak Kabupaten Manggarai',
    shortName: 'UPTD PPA Manggarai',
    htcdsType: 'LocalGovernmentOrganisation',
    sector: 'women_child_protection',
    regionCode: '53.10',
  },
  {
    key: 'polres',
    name: 'Kepolisian Resor Manggarai',
    shortName: 'Polres Manggarai',
    htcdsType: 'LawEnforcement',
    sector: 'police',
    regionCode: '53.10',
  },
  {
    key: 'kejari',
    name: 'Kejaksaan Negeri Manggarai',
    shortName: 'Kejari Manggarai',
    htcdsType: 'LawEnforcement',
    sector: 'prosecution',
    regionCode: '53.10',
  },
  {
    key: 'dinsos',
    name: 'Dinas Sosial Kabupaten Manggarai',
    shortName: 'Dinsos Manggarai',
    htcdsType: 'LocalGovernmentOrganisation',
    sector: 'social',
    regionCode: '53.10',
  },
  {
    key: 'dinkes',
    name: 'Dinas Kesehatan Kabupaten Manggarai',
    shortName: 'Dinkes Manggarai',
    htcdsType: 'LocalGovernmentOrganisation',
    sector: 'health',
    regionCode: '53.10',
  },
  {
    key: 'rsud',
    name: 'RSUD dr. Ben Mboi Ruteng',
    shortName: 'RSUD Ben Mboi',
    htcdsType: 'HealthServiceOrganisation',
    sector: 'health',
    regionCode: '53.10',
  },
  {
    key: 'disnakertrans',
    name: 'Dinas Tenaga Kerja dan Transmigrasi Kabupaten Manggarai',
    shortName: 'Disnakertrans Manggarai',
    htcdsType: 'LocalGovernmentOrganisation',
    sector: 'labour_migration',
    regionCode: '53.10',
  },
  {
    key: 'bp3mi',
    name: 'Balai Pelayanan Pelindungan Pekerja Migran Indonesia Nusa Tenggara Timur',
    shortName: 'BP3MI NTT',
    htcdsType: 'CentralGovernmentOrganisation',
    sector: 'labour_migration',
    regionCode: '53.71',
  },
  {
    key: 'imigrasi',
    name: 'Kantor Imigrasi Kelas II TPI Labuan Bajo',
    shortName: 'Imigrasi Labuan Bajo',
    htcdsType: 'ImmigrationService',
    sector: 'immigration',
    regionCode: '53.15',
  },
  {
    key: 'bappeda',
    name: 'Badan Perencanaan Pembangunan Daerah Kabupaten Manggarai',
    shortName: 'Bappeda Manggarai',
    htcdsType: 'LocalGovernmentOrganisation',
    sector: 'planning',
    regionCode: '53.10',
  },
  {
    key: 'dukcapil',
    name: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Manggarai',
    shortName: 'Dukcapil Manggarai',
    htcdsType: 'LocalGovernmentOrganisation',
    sector: 'civil_registry',
    regionCode: '53.10',
  },
  {
    key: 'setda',
    name: 'Sekretariat Daerah Kabupaten Manggarai',
    shortName: 'Setda Manggarai',
    htcdsType: 'LocalGovernmentOrganisation',
    sector: 'other',
    regionCode: '53.10',
  },
  {
    key: 'lbh',
    name: 'Lembaga Bantuan Hukum Nusa Adil Ruteng',
    shortName: 'LBH Nusa Adil',
    htcdsType: 'LegalService',
    sector: 'legal_aid',
    regionCode: '53.10',
  },
  {
    key: 'jpic',
    name: 'Komisi Keadilan, Perdamaian dan Keutuhan Ciptaan (JPIC) Ruteng',
    shortName: 'JPIC Ruteng',
    htcdsType: 'NGO',
    sector: 'ngo',
    regionCode: '53.10',
  },
  {
    key: 'iom',
    name: 'International Organization for Migration (IOM) Indonesia',
    shortName: 'IOM Indonesia',
    htcdsType: 'NGO',
    sector: 'international_organisation',
    regionCode: '31',
  },
];

/** One demo user per role; the username says the role and the agency. */
export const DEMO_USERS: { username: string; displayName: string; agency: string; roles: Role[] }[] = [
  { username: 'admin', displayName: 'Administrator Sistem', agency: 'dp3a', roles: ['admin'] },
  {
    username: 'koordinator.dp3a',
    displayName: 'Maria Koordinator (demo)',
    agency: 'dp3a',
    roles: ['coordinator'],
  },
  {
    username: 'manajer.uptdppa',
    displayName: 'Yosefina Manajer Kasus (demo)',
    agency: 'uptdppa',
    roles: ['case_manager'],
  },
  {
    username: 'layanan.dinsos',
    displayName: 'Theresia Pekerja Sosial (demo)',
    agency: 'dinsos',
    roles: ['service_provider'],
  },
  {
    username: 'layanan.rsud',
    displayName: 'dr. Agustina Layanan (demo)',
    agency: 'rsud',
    roles: ['service_provider'],
  },
  {
    username: 'penyidik.polres',
    displayName: 'Bripka Fransiskus Penyidik (demo)',
    agency: 'polres',
    roles: ['investigator'],
  },
  {
    username: 'pimpinan.setda',
    displayName: 'Pimpinan Gugus Tugas (demo)',
    agency: 'setda',
    roles: ['leadership'],
  },
  { username: 'analis.bappeda', displayName: 'Analis Data (demo)', agency: 'bappeda', roles: ['analyst'] },
  // The province task force's analyst sees the regencies' figures rolled up, never their records.
  {
    username: 'analis.provinsi',
    displayName: 'Analis Data Provinsi NTT (demo)',
    agency: 'dp3ap2kb_ntt',
    roles: ['analyst'],
  },
  // Prosecutors hold the investigator role: the same legal-track permission, at a prosecution office.
  {
    username: 'jaksa.kejari',
    displayName: 'Jaksa Penuntut Umum (demo)',
    agency: 'kejari',
    roles: ['investigator'],
  },
  // Disnakertrans's focal person reports the agency's action-plan progress; she opens no case.
  {
    username: 'focal.disnakertrans',
    displayName: 'Elisabeth Focal Point RAD (demo)',
    agency: 'disnakertrans',
    roles: ['focal_point'],
  },
  // The Nunukan task force, another regency's: it refers deportees home to Manggarai.
  ...NUNUKAN_USERS,
];

export type SeedResult =
  | { status: 'seeded'; password: string; generated: boolean; users: string[]; cases: number }
  | { status: 'already_seeded' }
  | { status: 'not_empty' };

/** A random password that meets the password rules. */
function randomPassword(): string {
  return `Demo-${randomBytes(12).toString('base64url')}`;
}

/** Seeds the Manggarai demo task force, its agencies and one user per role, on an empty database. */
export async function seedDemo(deps: AppDeps, password?: string): Promise<SeedResult> {
  if ((await getSetting(deps.db, DEMO_SETTING)) === 'true') return { status: 'already_seeded' };
  const users = await deps.db.selectFrom('users').select('id').limit(1).execute();
  if (users.length > 0) return { status: 'not_empty' };
  const generated = !password;
  const pw = password ?? randomPassword();
  const meta = { requestId: null as unknown as string, ip: null };
  const province = await createTaskForce(deps, meta, {
    name: 'Gugus Tugas PP TPPO Provinsi Nusa Tenggara Timur',
    level: 'province',
    regionCode: '53',
    timeZone: 'Asia/Makassar',
    parentId: null,
  });
  const regency = (
    await createTaskForce(deps, meta, {
      name: 'Gugus Tugas PP TPPO Kabupaten Manggarai',
      level: 'regency',
      regionCode: '53.10',
      timeZone: 'Asia/Makassar',
      parentId: province.id,
    })
  ).id;
  const agencyIds = new Map<string, string>();
  for (const a of DEMO_AGENCIES) {
    const created = await createAgency(deps, null, meta, { ...a, taskForceId: regency, active: true });
    agencyIds.set(a.key, created.id);
  }
  await seedDemoMembership(deps, regency, agencyIds);
  const provinceAgency = await createAgency(deps, null, meta, {
    name: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak Provinsi NTT',
    shortName: 'DP3AP2KB NTT',
    htcdsType: 'LocalGovernmentOrganisation',
    sector: DEMO_AGENCIES.find((a) => a.key === 'dp3a')!.sector,
    regionCode: '53',
    taskForceId: province.id,
    active: true,
  });
  agencyIds.set('dp3ap2kb_ntt', provinceAgency.id);
  await seedDemoNunukan(deps, meta, agencyIds);
  const userIds = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const created = await createUser(deps, null, meta, {
      username: u.username,
      displayName: u.displayName,
      email: null,
      agencyId: agencyIds.get(u.agency)!,
      roles: u.roles,
      password: pw,
    });
    userIds.set(u.username, created.id);
  }
  const reporters = new Map(DEMO_USERS.map((u) => [u.agency, userIds.get(u.username)!]));
  await seedDemoPlan(deps, regency, agencyIds, reporters, userIds.get('koordinator.dp3a')!);
  await seedDemoMeetings(deps, regency, agencyIds, userIds.get('koordinator.dp3a')!);
  await seedDemoPrevention(deps, regency, agencyIds, userIds.get('koordinator.dp3a')!);
  await seedDemoYear2025(deps, regency, agencyIds, userIds.get('koordinator.dp3a')!);
  const cases = await seedDemoCases(deps, {
    uptdppa: userIds.get('manajer.uptdppa')!,
    polres: userIds.get('penyidik.polres')!,
  });
  await seedDemoServices(deps, agencyIds, userIds);
  const legalTracks = await seedDemoLegal(
    deps,
    {
      uptdppa: userIds.get('manajer.uptdppa')!,
      polres: userIds.get('penyidik.polres')!,
      kejari: userIds.get('jaksa.kejari')!,
    },
    { polres: agencyIds.get('polres')!, kejari: agencyIds.get('kejari')! },
  );
  await inTransaction(deps, { userId: null, agencyId: null }, meta, async (trx, audit) => {
    await setSetting(trx, DEMO_SETTING, 'true', deps.clock.now());
    // The demo stays easy to try: no second step at sign-in (the sign-in page says so).
    await setMfaRequiredRoles(trx, [], deps.clock.now());
    await audit({
      action: 'demo.seeded',
      details: { agencies: DEMO_AGENCIES.length, users: DEMO_USERS.length, cases, legalTracks },
    });
  });
  return { status: 'seeded', password: pw, generated, users: DEMO_USERS.map((u) => u.username), cases };
}
