import { z } from 'zod';

/** Stable error codes of the API; the web translates by code. */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'session_expired',
  'invalid_credentials',
  'account_locked',
  'mfa_required',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'version_conflict',
  'payload_too_large',
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    current: z.unknown().optional(),
  }),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
