import { describe, expect, it } from 'vitest';
import {
  canSeeIdentifyingData,
  hasPermission,
  PERMISSIONS,
  permissionsFor,
  ROLE_PERMISSIONS,
  ROLES,
} from './roles.js';

describe('role permissions', () => {
  it('gives administration only to admin', () => {
    for (const role of ROLES) {
      expect(hasPermission([role], 'user.manage')).toBe(role === 'admin');
      expect(hasPermission([role], 'agency.manage')).toBe(role === 'admin');
      expect(hasPermission([role], 'audit.read')).toBe(role === 'admin');
    }
  });
  it('never lets leadership or analysts see personal data', () => {
    for (const role of ['leadership', 'analyst'] as const) {
      expect(canSeeIdentifyingData([role])).toBe(false);
      expect(hasPermission([role], 'stats.read')).toBe(true);
    }
    expect(hasPermission(['analyst'], 'case.read')).toBe(false);
  });
  it('lets case workers see identifying data', () => {
    for (const role of ['coordinator', 'case_manager', 'service_provider', 'investigator'] as const) {
      expect(canSeeIdentifyingData([role])).toBe(true);
    }
  });
  it('gives exact small counts only to coordinators', () => {
    expect(ROLES.filter((r) => hasPermission([r], 'stats.exact'))).toEqual(['coordinator']);
  });
  it('gives data exchange to the roles the exports were designed for', () => {
    expect(ROLES.filter((r) => hasPermission([r], 'export.ctdc'))).toEqual(['coordinator', 'analyst']);
    expect(ROLES.filter((r) => hasPermission([r], 'export.htcds'))).toEqual(['coordinator', 'leadership']);
    expect(ROLES.filter((r) => hasPermission([r], 'export.simfoni'))).toEqual(['coordinator']);
    expect(ROLES.filter((r) => hasPermission([r], 'import.run'))).toEqual(['coordinator']);
  });
  it('combines the permissions of several roles', () => {
    const set = permissionsFor(['analyst', 'admin']);
    expect(set.has('stats.read')).toBe(true);
    expect(set.has('user.manage')).toBe(true);
    expect(set.has('case.read')).toBe(false);
  });
  it('only grants permissions that exist, and every role can read the directory', () => {
    for (const role of ROLES) {
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
      expect(hasPermission([role], 'agency.read')).toBe(true);
    }
  });
});
