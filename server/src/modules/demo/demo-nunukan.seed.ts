import type { AgencySector, HtcdsOrganisationType, Role } from '@sinergi/core';
import type { AppDeps } from '../../platform/context.js';
import { createAgency } from '../agencies/agency.service.js';
import { createTaskForce } from '../taskforces/taskforce.service.js';

/**
 * The Nunukan task force (Kalimantan Utara), where deportees from Malaysia land (domain §5): it
 * refers NTT deportees home to Manggarai (walkthrough 4), the demo's cross-task-force referral.
 */
export const NUNUKAN_AGENCIES: {
  key: string;
  name: string;
  shortName: string;
  htcdsType: HtcdsOrganisationType;
  sector: AgencySector;
  regionCode: string;
}[] = [
  {
    key: 'bp3mi_nunukan',
    name: 'Unit Pelaksana Teknis Badan Pelindungan Pekerja Migran Indonesia (UPT BP2MI) Nunukan',
    shortName: 'BP3MI Nunukan',
    htcdsType: 'CentralGovernmentOrganisation',
    sector: 'labour_migration',
    regionCode: '65.03',
  },
  {
    key: 'dinsos_nunukan',
    name: 'Dinas Sosial Kabupaten Nunukan',
    shortName: 'Dinsos Nunukan',
    htcdsType: 'LocalGovernmentOrganisation',
    sector: 'social',
    regionCode: '65.03',
  },
];

/** The Nunukan users: the social worker who opens deportee cases and refers them, and BP3MI's officer. */
export const NUNUKAN_USERS: { username: string; displayName: string; agency: string; roles: Role[] }[] = [
  {
    username: 'layanan.dinsosnnk',
    displayName: 'Rosalina Pekerja Sosial Nunukan (demo)',
    agency: 'dinsos_nunukan',
    roles: ['case_manager'],
  },
  {
    username: 'bp3mi.nunukan',
    displayName: 'Petugas UPT BP2MI Nunukan (demo)',
    agency: 'bp3mi_nunukan',
    roles: ['service_provider'],
  },
];

/** Creates the Nunukan task force and its agencies; their ids are added to `agencyIds` by key. */
export async function seedDemoNunukan(
  deps: AppDeps,
  meta: { requestId: string; ip: string | null },
  agencyIds: Map<string, string>,
): Promise<string> {
  const taskForce = await createTaskForce(deps, meta, {
    name: 'Gugus Tugas PP TPPO Kabupaten Nunukan',
    level: 'regency',
    regionCode: '65.03',
    timeZone: 'Asia/Makassar',
    parentId: null,
  });
  for (const a of NUNUKAN_AGENCIES) {
    const created = await createAgency(deps, null, meta, { ...a, taskForceId: taskForce.id, active: true });
    agencyIds.set(a.key, created.id);
  }
  return taskForce.id;
}
