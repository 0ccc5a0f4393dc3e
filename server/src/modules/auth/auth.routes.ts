import { loginSchema, mfaChallengeSchema, passwordChangeSchema, sessionInfoSchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mfaRequiredRoles } from '../../platform/auth/mfa.js';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authenticate, loadActor, mfaStep } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { DEMO_USERS } from '../demo/demo.seed.js';
import { changePassword, isDemo, login, logout, sessionInfo } from './auth.service.js';

export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/auth/status',
      {
        schema: {
          tags: ['auth'],
          summary: 'What the sign-in page needs before sign-in (is this a demo deployment)',
          response: {
            200: z.object({
              demo: z.boolean(),
              demoUsers: z.array(z.object({ username: z.string(), roles: z.array(z.string()) })),
              /** Whether any role must use two-step verification (a demo says when none must). */
              mfaRequired: z.boolean(),
            }),
          },
        },
      },
      async () => {
        const demo = await isDemo(deps);
        // A demo deployment names its demo accounts on the sign-in page (never their password).
        return {
          demo,
          demoUsers: demo ? DEMO_USERS.map((u) => ({ username: u.username, roles: u.roles })) : [],
          mfaRequired: (await mfaRequiredRoles(deps.db)).length > 0,
        };
      },
    );

    app.post(
      '/auth/login',
      {
        config: { rateLimit: { max: deps.config.LOGIN_RATE_LIMIT, timeWindow: 60_000 } },
        schema: {
          tags: ['auth'],
          summary:
            'Sign in; sets the session cookie (kept after the browser closes only with rememberDevice) and returns the CSRF token',
          body: loginSchema,
          response: { 200: z.union([sessionInfoSchema, mfaChallengeSchema]), ...errorResponses },
        },
      },
      async (req, reply) => {
        const result = await login(deps, requestMeta(req), req.body);
        const secure = deps.config.COOKIE_SECURE ?? req.protocol === 'https';
        // Without "remember me on this device" the cookie ends with the browser (no Max-Age): a
        // shared office computer does not keep the session after it is closed. The session ends
        // on the server after SESSION_MAX_HOURS either way.
        reply.setCookie(SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure,
          path: '/',
          ...(req.body.rememberDevice === true && { maxAge: deps.config.SESSION_MAX_HOURS * 3600 }),
        });
        if (result.mfaState !== 'none')
          return { mfa: result.mfaState, csrfToken: result.csrfToken, expiresAt: result.expiresAt };
        const actor = await loadActor(deps, result.userId, result.sessionId);
        return sessionInfo(deps, actor!, result.csrfToken);
      },
    );

    app.post(
      '/auth/logout',
      {
        preValidation: mfaStep(['verify', 'enrol'], true),
        schema: {
          tags: ['auth'],
          summary: 'Sign out (ends the session, also one still waiting for its second step)',
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const p = req.mfaPending;
        await logout(
          deps,
          req.actor ?? { userId: p!.userId, agencyId: null, sessionId: p!.sessionId },
          requestMeta(req),
        );
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user, permissions and CSRF token',
          response: { 200: sessionInfoSchema, ...errorResponses },
        },
      },
      async (req) => sessionInfo(deps, actorOf(req), req.csrfToken!),
    );

    app.post(
      '/auth/password',
      {
        preValidation: [authenticate],
        config: { rateLimit: { max: deps.config.LOGIN_RATE_LIMIT, timeWindow: 60_000 } },
        schema: {
          tags: ['auth'],
          summary: 'Change your own password; your other sessions end',
          body: passwordChangeSchema,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await changePassword(deps, actorOf(req), requestMeta(req), req.body);
        return reply.status(204).send(null);
      },
    );
  };
}
