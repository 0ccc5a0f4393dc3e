import type { Permission } from '@sinergi/core';

export interface NavigationItem {
  path: string;
  label:
    | 'nav.home'
    | 'nav.myWork'
    | 'nav.referrals'
    | 'nav.cases'
    | 'nav.taskForce'
    | 'nav.plans'
    | 'nav.workProgramme'
    | 'nav.meetings'
    | 'nav.overview'
    | 'nav.prevention'
    | 'nav.agencies'
    | 'nav.users'
    | 'nav.audit'
    | 'nav.alerts'
    | 'nav.retention'
    | 'nav.letterhead'
    | 'nav.checklist'
    | 'nav.emergency'
    | 'nav.deadlines'
    | 'nav.profile'
    | 'nav.legal'
    | 'nav.statsDashboard'
    | 'nav.statsSecretariat'
    | 'nav.statsAnalysis'
    | 'nav.yearlyReport'
    | 'nav.exports'
    | 'nav.imports';
  /** Shown only to holders of this permission; the server checks again on every request. */
  permission?: Permission;
  /** Also shown to holders of these. */
  orPermission?: Permission;
  orPermissions?: readonly Permission[];
}

/** The features that exist, in menu order. */
export const NAVIGATION: NavigationItem[] = [
  { path: '/', label: 'nav.home' },
  { path: '/my-work', label: 'nav.myWork', permission: 'case.read' },
  { path: '/cases', label: 'nav.cases', permission: 'case.read' },
  { path: '/referrals', label: 'nav.referrals', permission: 'case.read' },
  { path: '/legal', label: 'nav.legal', permission: 'legal.manage' },
  { path: '/dashboard', label: 'nav.statsDashboard', permission: 'stats.read' },
  { path: '/secretariat', label: 'nav.statsSecretariat', permission: 'stats.exact' },
  { path: '/analysis', label: 'nav.statsAnalysis', permission: 'stats.read' },
  { path: '/reports/yearly', label: 'nav.yearlyReport', permission: 'stats.read' },
  { path: '/taskforce', label: 'nav.taskForce', permission: 'taskforce.read' },
  { path: '/plans', label: 'nav.plans', permission: 'taskforce.read' },
  { path: '/work-programme', label: 'nav.workProgramme', permission: 'taskforce.read' },
  { path: '/meetings', label: 'nav.meetings', permission: 'taskforce.read' },
  { path: '/meetings/overview', label: 'nav.overview', permission: 'meeting.manage' },
  { path: '/prevention', label: 'nav.prevention', permission: 'taskforce.read' },
  {
    path: '/exports',
    label: 'nav.exports',
    permission: 'export.ctdc',
    orPermissions: ['export.htcds', 'export.simfoni'],
  },
  { path: '/imports', label: 'nav.imports', permission: 'import.run' },
  { path: '/agencies', label: 'nav.agencies', permission: 'agency.read' },
  { path: '/users', label: 'nav.users', permission: 'user.manage' },
  { path: '/audit', label: 'nav.audit', permission: 'audit.read' },
  { path: '/security-alerts', label: 'nav.alerts', permission: 'audit.read' },
  { path: '/settings/screening-checklist', label: 'nav.checklist', permission: 'screening.checklist.manage' },
  {
    path: '/emergency-access',
    label: 'nav.emergency',
    permission: 'case.break_glass',
    orPermission: 'user.manage',
  },
  { path: '/settings/letterhead', label: 'nav.letterhead', permission: 'taskforce.manage' },
  { path: '/settings/deadline-rules', label: 'nav.deadlines', permission: 'agency.manage' },
  {
    path: '/settings/retention',
    label: 'nav.retention',
    permission: 'agency.manage',
    orPermission: 'taskforce.manage',
  },
  { path: '/profile', label: 'nav.profile' },
];

export function visibleNavigation(permissions: readonly Permission[]): NavigationItem[] {
  return NAVIGATION.filter(
    (item) =>
      !item.permission ||
      permissions.includes(item.permission) ||
      (item.orPermission !== undefined && permissions.includes(item.orPermission)) ||
      (item.orPermissions ?? []).some((p) => permissions.includes(p)),
  );
}

export function isActivePath(itemPath: string, pathname: string): boolean {
  return itemPath === '/' ? pathname === '/' : pathname === itemPath || pathname.startsWith(`${itemPath}/`);
}
