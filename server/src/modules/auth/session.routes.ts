import { activeSessionSchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authenticate, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { activeSessions, endSession } from './session.service.js';

const sessionList = z.object({ items: z.array(activeSessionSchema) });
const sessionId = z.string().regex(/^[0-9a-f]{64}$/);

export function sessionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/auth/sessions',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['auth'],
          summary: 'Your active sessions (device, IP, last seen)',
          response: { 200: sessionList, ...errorResponses },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return { items: await activeSessions(deps, actor.userId, actor.sessionId) };
      },
    );

    app.delete(
      '/auth/sessions/:sessionId',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['auth'],
          summary: 'End one of your sessions (audited)',
          params: z.object({ sessionId }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        await endSession(deps, actor, requestMeta(req), actor.userId, req.params.sessionId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/users/:id/sessions',
      {
        preValidation: authorize('user.manage'),
        schema: {
          tags: ['users'],
          summary: "A user's active sessions (administrators)",
          params: idParams,
          response: { 200: sessionList, ...errorResponses },
        },
      },
      async (req) => ({ items: await activeSessions(deps, req.params.id, actorOf(req).sessionId) }),
    );

    app.delete(
      '/users/:id/sessions/:sessionId',
      {
        preValidation: authorize('user.manage'),
        schema: {
          tags: ['users'],
          summary: "End a user's session (administrators; audited)",
          params: idParams.extend({ sessionId }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await endSession(deps, actorOf(req), requestMeta(req), req.params.id, req.params.sessionId);
        return reply.status(204).send(null);
      },
    );
  };
}
