import { randomBytes } from 'node:crypto';
import { canSeeIdentifyingData, isRole, ROLES, type Role } from '@sinergi/core';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Db } from '../db/connect.js';
import { getSetting, setSetting } from '../settings.js';

/** Codes are 30-second TOTP steps; one step either side is accepted for clock drift. */
const PERIOD_SECONDS = 30;
const TOLERANCE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
export const MFA_ROLES_SETTING = 'mfa_required_roles';

export function newTotpSecret(): string {
  return generateSecret();
}

/** The authenticator app's enrolment link and its QR code (SVG). */
export async function enrolment(secret: string, account: string, issuer: string) {
  const otpauthUri = generateURI({ issuer, label: account, secret });
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrSvg };
}

/**
 * Checks a six-digit code at `now`; returns the time step it belongs to, or null. A step not after
 * `lastStep` is refused, so an overheard code cannot be used again.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): Promise<number | null> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  for (const offset of [0, -TOLERANCE_SECONDS, TOLERANCE_SECONDS]) {
    const at = epoch + offset;
    const result = await verify({ secret, token, epoch: at });
    if (result.valid) {
      const step = Math.floor(at / PERIOD_SECONDS);
      return lastStep !== null && step <= lastStep ? null : step;
    }
  }
  return null;
}

/** Ten recovery codes like `k7qm-2xw9-fd3r`: 60 random bits each, easy to read aloud and type. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** A recovery code as typed, reduced to what its hash is computed from. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Roles whose users must use two-step verification: by default every role that sees identities. */
export async function mfaRequiredRoles(db: Db): Promise<Role[]> {
  const raw = await getSetting(db, MFA_ROLES_SETTING);
  if (raw === undefined) return ROLES.filter((r) => canSeeIdentifyingData([r]));
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [];
  } catch {
    return ROLES.filter((r) => canSeeIdentifyingData([r]));
  }
}

export async function setMfaRequiredRoles(db: Db, roles: readonly Role[], now: Date): Promise<void> {
  await setSetting(db, MFA_ROLES_SETTING, JSON.stringify([...new Set(roles)].sort()), now);
}

export function mfaRequiredFor(roles: readonly string[], required: readonly Role[]): boolean {
  return roles.some((r) => (required as readonly string[]).includes(r));
}
