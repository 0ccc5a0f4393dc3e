/** Roles and the permissions each carries. The single source of truth for server and web. */

export const ROLES = [
  'admin',
  'coordinator',
  'case_manager',
  'service_provider',
  'investigator',
  'leadership',
  'analyst',
  'focal_point',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  // administration
  'agency.manage',
  'user.manage',
  'audit.read',
  // reference and directory data every signed-in user needs
  'agency.read',
  'reference.read',
  'taskforce.read',
  // case work (modules that build on the foundation use these)
  'case.create',
  'case.read',
  'person.identity.read',
  'referral.manage',
  'service.manage',
  'legal.manage',
  'taskforce.manage',
  'plan.report',
  'meeting.manage',
  'stats.read',
  'stats.exact',
  'dashboard.leadership',
  'screening.checklist.manage',
  // data exchange: the k-anonymous CTDC data set, HTCDS records, SIMFONI tables, legacy registers
  'export.ctdc',
  'export.htcds',
  'export.simfoni',
  'import.run',
  // emergency access to a case outside one's own, with a reason, for a limited time
  'case.break_glass',
  // erasing a person's identifying data on their request (the anonymous fields stay)
  'person.erase',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const COMMON: Permission[] = ['agency.read', 'reference.read', 'taskforce.read'];

/**
 * What each role may do. Leadership and analysts never receive personal data: neither holds
 * `person.identity.read`; analysts do not read case records at all.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...COMMON, 'agency.manage', 'user.manage', 'audit.read', 'screening.checklist.manage'],
  coordinator: [
    ...COMMON,
    'case.create',
    'case.read',
    'case.break_glass',
    'person.erase',
    'person.identity.read',
    'referral.manage',
    'service.manage',
    'taskforce.manage',
    'plan.report',
    'meeting.manage',
    'stats.read',
    'stats.exact',
    'export.ctdc',
    'export.htcds',
    'export.simfoni',
    'import.run',
  ],
  case_manager: [
    ...COMMON,
    'case.create',
    'case.read',
    'person.identity.read',
    'referral.manage',
    'service.manage',
    'plan.report',
  ],
  service_provider: [...COMMON, 'case.read', 'person.identity.read', 'service.manage', 'plan.report'],
  // Police are often the victim's first contact: they refer to services, under the same consent rule.
  investigator: [
    ...COMMON,
    'case.create',
    'case.read',
    'person.identity.read',
    'referral.manage',
    'legal.manage',
    'plan.report',
  ],
  // Leadership sees the non-identifying fields of its task force's cases, never personal data.
  // HTCDS for leadership leaves every identifying field out (no `person.identity.read`).
  leadership: [...COMMON, 'case.read', 'stats.read', 'dashboard.leadership', 'export.htcds'],
  // Analysts get only what is anonymous by construction: the k-anonymous data set. SIMFONI tables
  // hold exact small counts, so they stay with coordinators (like `stats.exact`).
  analyst: [...COMMON, 'stats.read', 'export.ctdc'],
  // An agency's focal person for the action plan: reports the agency's RAD progress and its
  // meeting follow-up actions; opens no case and sees no personal data.
  focal_point: [...COMMON, 'plan.report'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The union of the permissions of the given roles. */
export function permissionsFor(roles: readonly Role[]): Set<Permission> {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return set;
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Roles whose holders may see identifying data of victims and witnesses. */
export function canSeeIdentifyingData(roles: readonly Role[]): boolean {
  return hasPermission(roles, 'person.identity.read');
}
