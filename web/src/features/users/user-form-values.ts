import type { Role, User, UserCreate, UserPatch } from '@sinergi/core';

export interface UserCreateValues {
  username: string;
  displayName: string;
  email: string;
  agencyId: string;
  roles: string[];
  password: string;
}

export const emptyUserValues: UserCreateValues = {
  username: '',
  displayName: '',
  email: '',
  agencyId: '',
  roles: [],
  password: '',
};

export function valuesToUserCreate(values: UserCreateValues): UserCreate {
  return {
    username: values.username.trim().toLowerCase(),
    displayName: values.displayName.trim(),
    email: values.email.trim() || null,
    agencyId: values.agencyId,
    roles: values.roles as Role[],
    password: values.password,
  };
}

export interface UserEditValues {
  displayName: string;
  email: string;
  agencyId: string;
  roles: string[];
  active: boolean;
}

export function userToEditValues(user: User): UserEditValues {
  return {
    displayName: user.displayName,
    email: user.email ?? '',
    agencyId: user.agencyId,
    roles: [...user.roles],
    active: user.active,
  };
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** Only what differs from the record the form is based on, with that record's version. */
export function valuesToUserPatch(values: UserEditValues, base: User): UserPatch {
  const patch: UserPatch = { version: base.version };
  const displayName = values.displayName.trim();
  const email = values.email.trim() || null;
  if (displayName !== base.displayName) patch.displayName = displayName;
  if (email !== base.email) patch.email = email;
  if (values.agencyId !== base.agencyId) patch.agencyId = values.agencyId;
  if (!sameRoles(values.roles, base.roles)) patch.roles = values.roles as Role[];
  if (values.active !== base.active) patch.active = values.active;
  return patch;
}
