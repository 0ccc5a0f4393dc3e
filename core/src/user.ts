import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, passwordProblems } from './password.js';
import { PERMISSIONS, ROLES } from './roles.js';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,49}$/;
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, { message: 'username_format' });

/** A new password: checked against the shared rules, with the problem code as the message. */
export const newPasswordSchema = z
  .string()
  .max(PASSWORD_MAX_LENGTH)
  .superRefine((value, ctx) => {
    for (const problem of passwordProblems(value)) ctx.addIssue({ code: 'custom', message: problem });
  });

const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);

export const userCreateSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(2).max(120),
    email: z.string().trim().email().max(200).nullable().optional(),
    agencyId: z.string().uuid(),
    roles,
    password: newPasswordSchema,
  })
  .superRefine((value, ctx) => {
    if (value.password.toLowerCase().includes(value.username)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'password_contains_username' });
    }
  });
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userPatchSchema = z.object({
  version: z.number().int().positive(),
  displayName: z.string().trim().min(2).max(120).optional(),
  email: z.string().trim().email().max(200).nullable().optional(),
  agencyId: z.string().uuid().optional(),
  roles: roles.optional(),
  active: z.boolean().optional(),
  language: z.enum(LANGUAGES).optional(),
});
export type UserPatch = z.infer<typeof userPatchSchema>;

export const passwordResetSchema = z.object({ password: newPasswordSchema });

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  agencyId: z.string(),
  agencyName: z.string(),
  agencyShortName: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  language: z.enum(LANGUAGES),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  /** Whether the user has set up two-step verification. */
  mfaEnabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const loginSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  /** Keep the session cookie when the browser closes ("remember me on this device"). */
  rememberDevice: z.boolean().optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: newPasswordSchema,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const taskForceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['national', 'province', 'regency']),
  regionCode: z.string().nullable(),
  timeZone: z.string(),
});
export type TaskForceSummary = z.infer<typeof taskForceSummarySchema>;

/** What the signed-in user receives: who they are, what they may do, and the CSRF token. */
export const sessionInfoSchema = z.object({
  user: userSchema,
  permissions: z.array(z.enum(PERMISSIONS)),
  taskForce: taskForceSummarySchema.nullable(),
  csrfToken: z.string(),
  expiresAt: z.string(),
  idleTimeoutSeconds: z.number().int(),
  demo: z.boolean(),
  /** Two-step verification: whether the user has it, and whether their roles require it. */
  mfa: z.object({ enabled: z.boolean(), required: z.boolean() }),
  /** Failed sign-ins to the account between the user's previous sign-in and this session's. */
  failedAttemptsSinceLastSignIn: z.number().int(),
  /** When the last of them happened (null when there were none). */
  lastFailedSignInAt: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** The answer to a correct password when a second step is still needed. */
export const mfaChallengeSchema = z.object({
  /** `verify`: enter a code; `enrol`: the user's role requires setting it up first. */
  mfa: z.enum(['verify', 'enrol']),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type MfaChallenge = z.infer<typeof mfaChallengeSchema>;

export const mfaCodeSchema = z.object({
  /** Six digits from the authenticator app, or one of the recovery codes. */
  code: z.string().trim().min(6).max(32),
});
export type MfaCode = z.infer<typeof mfaCodeSchema>;

export const mfaSetupSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The QR code of `otpauthUri` as an SVG image. */
  qrSvg: z.string(),
});
export type MfaSetup = z.infer<typeof mfaSetupSchema>;

export const mfaEnabledSchema = z.object({
  /** Ten single-use recovery codes, shown once. */
  recoveryCodes: z.array(z.string()),
  session: sessionInfoSchema,
});
export type MfaEnabled = z.infer<typeof mfaEnabledSchema>;

export const mfaDisableSchema = z.object({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

export const mfaPolicySchema = z.object({
  /** Roles whose users must use two-step verification. */
  requiredRoles: z.array(z.enum(ROLES)),
});
export type MfaPolicy = z.infer<typeof mfaPolicySchema>;

/** A signed-in session as its owner (or an administrator) sees it. */
export const activeSessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The session this answer is sent to. */
  current: z.boolean(),
  /** Password given, second step still due. */
  waitingForSecondStep: z.boolean(),
});
export type ActiveSession = z.infer<typeof activeSessionSchema>;
