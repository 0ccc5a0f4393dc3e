import type { Language } from '@sinergi/core';
import type { FastifyRequest } from 'fastify';
import type { Actor, RequestMeta } from '../context.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionProblem: 'expired' | null;
    csrfToken: string | null;
    /** A session past the password whose second step (verify, or enrol first) is still due. */
    mfaPending: { sessionId: string; userId: string; state: 'verify' | 'enrol' } | null;
  }
}

/** `en` when the client asks for English first, Indonesian otherwise. */
export function requestLanguage(req: FastifyRequest): Language {
  const header = req.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

export function requestMeta(req: FastifyRequest): RequestMeta {
  return {
    requestId: req.id,
    ip: req.ip ?? null,
    userAgent: (req.headers['user-agent'] as string | undefined) ?? null,
    lang: requestLanguage(req),
  };
}
