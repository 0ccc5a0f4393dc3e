import type { Permission } from '@sinergi/core';

export interface NavigationItem {
  path: string;
  label:
    | 'nav.home'
    | 'nav.cases'
    | 'nav.taskForce'
    | 'nav.plans'
    | 'nav.agencies'
    | 'nav.users'
    | 'nav.audit'
    | 'nav.checklist'
    | 'nav.profile';
  /** Shown only to holders of this permission; the server checks again on every request. */
  permission?: Permission;
}

/** The features that exist, in menu order. */
export const NAVIGATION: NavigationItem[] = [
  { path: '/', label: 'nav.home' },
  { path: '/cases', label: 'nav.cases', permission: 'case.read' },
  { path: '/taskforce', label: 'nav.taskForce', permission: 'taskforce.read' },
  { path: '/plans', label: 'nav.plans', permission: 'taskforce.read' },
  { path: '/agencies', label: 'nav.agencies', permission: 'agency.read' },
  { path: '/users', label: 'nav.users', permission: 'user.manage' },
  { path: '/audit', label: 'nav.audit', permission: 'audit.read' },
  { path: '/settings/screening-checklist', label: 'nav.checklist', permission: 'screening.checklist.manage' },
  { path: '/profile', label: 'nav.profile' },
];

export function visibleNavigation(permissions: readonly Permission[]): NavigationItem[] {
  return NAVIGATION.filter((item) => !item.permission || permissions.includes(item.permission));
}

export function isActivePath(itemPath: string, pathname: string): boolean {
  return itemPath === '/' ? pathname === '/' : pathname === itemPath || pathname.startsWith(`${itemPath}/`);
}
