import type { ErrorCode } from '@sinergi/core';

/** An error the API answers with its own status and code; anything else becomes a 500. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    /** field path -> message key (translated when presented) */
    readonly fieldKeys?: Record<string, string>,
    readonly current?: unknown,
  ) {
    super(code);
  }
}

export const errors = {
  validation: (fieldKeys: Record<string, string>) => new AppError(400, 'validation_failed', fieldKeys),
  unauthenticated: () => new AppError(401, 'unauthenticated'),
  sessionExpired: () => new AppError(401, 'session_expired'),
  invalidCredentials: () => new AppError(401, 'invalid_credentials'),
  forbidden: () => new AppError(403, 'forbidden'),
  csrf: () => new AppError(403, 'csrf_failed'),
  notFound: () => new AppError(404, 'not_found'),
  conflict: (fieldKeys?: Record<string, string>) => new AppError(409, 'conflict', fieldKeys),
  versionConflict: (current: unknown) => new AppError(409, 'version_conflict', undefined, current),
};
