import { myWorkSchema, notificationSchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authenticate } from '../../platform/http/auth-hooks.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { myWork } from './my-work.service.js';
import { listNotifications, markRead } from './notification.service.js';

export function notificationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/my-work',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['my work'],
          summary:
            'Tugas saya: referrals waiting for an answer, services due or overdue, cases without a first response, with counts',
          response: { 200: myWorkSchema, ...errorResponses },
        },
      },
      async (req) => myWork(deps, actorOf(req)),
    );
    app.get(
      '/notifications',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['my work'],
          summary: "The caller's latest in-app notifications",
          response: {
            200: z.object({ unread: z.number(), items: z.array(notificationSchema) }),
            ...errorResponses,
          },
        },
      },
      async (req) => listNotifications(deps, actorOf(req)),
    );
    app.post(
      '/notifications/:id/read',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['my work'],
          summary: 'Mark one notification read',
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await markRead(deps, actorOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/notifications/read-all',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['my work'],
          summary: 'Mark every notification read',
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await markRead(deps, actorOf(req));
        return reply.status(204).send(null);
      },
    );
  };
}
