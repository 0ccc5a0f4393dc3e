import {
  mfaCodeSchema,
  mfaDisableSchema,
  mfaEnabledSchema,
  mfaPolicySchema,
  mfaSetupSchema,
  sessionInfoSchema,
} from '@sinergi/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authenticate, authorize, mfaStep } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import {
  disableMfa,
  enableMfa,
  getMfaPolicy,
  type MfaSubject,
  resetMfa,
  setMfaPolicy,
  startMfaSetup,
  verifyMfa,
} from './mfa.service.js';

/** The signed-in user, or the session still waiting for its second step. */
function subjectOf(req: FastifyRequest): MfaSubject {
  if (req.actor)
    return {
      userId: req.actor.userId,
      sessionId: req.actor.sessionId,
      csrfToken: req.csrfToken!,
      state: 'none',
    };
  const p = req.mfaPending!;
  return { userId: p.userId, sessionId: p.sessionId, csrfToken: req.csrfToken!, state: p.state };
}

export function mfaRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const limited = { rateLimit: { max: deps.config.LOGIN_RATE_LIMIT, timeWindow: 60_000 } };

    app.post(
      '/auth/mfa/verify',
      {
        preValidation: mfaStep(['verify'], false),
        config: limited,
        schema: {
          tags: ['auth'],
          summary: 'Second step of a sign-in: a code from the authenticator app or a recovery code',
          body: mfaCodeSchema,
          response: { 200: sessionInfoSchema, ...errorResponses },
        },
      },
      async (req) => verifyMfa(deps, subjectOf(req), requestMeta(req), req.body.code),
    );

    app.post(
      '/auth/mfa/setup',
      {
        preValidation: mfaStep(['enrol'], true),
        schema: {
          tags: ['auth'],
          summary: 'Start setting up two-step verification: a new secret and its QR code',
          response: { 200: mfaSetupSchema, ...errorResponses },
        },
      },
      async (req) => startMfaSetup(deps, subjectOf(req), requestMeta(req)),
    );

    app.post(
      '/auth/mfa/enable',
      {
        preValidation: mfaStep(['enrol'], true),
        config: limited,
        schema: {
          tags: ['auth'],
          summary: 'Finish setting up with a first code; answers the ten recovery codes once',
          body: mfaCodeSchema,
          response: { 200: mfaEnabledSchema, ...errorResponses },
        },
      },
      async (req) => enableMfa(deps, subjectOf(req), requestMeta(req), req.body.code),
    );

    app.post(
      '/auth/mfa/disable',
      {
        preValidation: [authenticate],
        config: limited,
        schema: {
          tags: ['auth'],
          summary: 'Turn your own two-step verification off (not when your role requires it)',
          body: mfaDisableSchema,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await disableMfa(deps, actorOf(req), requestMeta(req), req.body.password);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/users/:id/mfa/reset',
      {
        preValidation: authorize('user.manage'),
        schema: {
          tags: ['users'],
          summary: "Remove a user's second factor (administrators; audited; the user's sessions end)",
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await resetMfa(deps, actorOf(req), requestMeta(req), req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/security/mfa-policy',
      {
        preValidation: authorize('user.manage'),
        schema: {
          tags: ['users'],
          summary: 'Roles whose users must use two-step verification',
          response: { 200: mfaPolicySchema, ...errorResponses },
        },
      },
      async () => getMfaPolicy(deps),
    );

    app.put(
      '/security/mfa-policy',
      {
        preValidation: authorize('user.manage'),
        schema: {
          tags: ['users'],
          summary: 'Change which roles must use two-step verification (administrators; audited)',
          body: mfaPolicySchema,
          response: { 200: mfaPolicySchema, ...errorResponses },
        },
      },
      async (req) => setMfaPolicy(deps, actorOf(req), requestMeta(req), req.body.requiredRoles),
    );
  };
}
