import {
  PERMISSIONS,
  passwordResetSchema,
  ROLE_PERMISSIONS,
  ROLES,
  userCreateSchema,
  userPatchSchema,
  userSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authenticate, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { booleanQuery, errorResponses, idParams, pageOf, pagingQuery } from '../../platform/http/schemas.js';
import { replyCreated } from '../../platform/idempotency.js';
import { USER_SORTS } from './user.repository.js';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './user.service.js';

export function userRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/roles',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['users'],
          summary: 'Roles and the permissions each carries',
          response: {
            200: z.object({
              items: z.array(z.object({ role: z.enum(ROLES), permissions: z.array(z.enum(PERMISSIONS)) })),
            }),
            ...errorResponses,
          },
        },
      },
      async () => ({ items: ROLES.map((role) => ({ role, permissions: [...ROLE_PERMISSIONS[role]] })) }),
    );

    app.get(
      '/users',
      {
        preValidation: authorize('user.manage'),
        schema: {
          tags: ['users'],
          summary: "List the users of the administrator's own task force",
          querystring: z.object({
            q: z.string().trim().max(100).optional(),
            agencyId: z.string().uuid().optional(),
            role: z.enum(ROLES).optional(),
            active: booleanQuery.optional(),
            sort: z.enum(USER_SORTS).default('username'),
            ...pagingQuery,
          }),
          response: { 200: pageOf(userSchema), ...errorResponses },
        },
      },
      async (req) => listUsers(deps, actorOf(req), req.query),
    );

    app.post(
      '/users',
      {
        preValidation: authorize('user.manage'),
        schema: {
          tags: ['users'],
          summary: "Create a user in an agency of the administrator's own task force",
          headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
          body: userCreateSchema,
          response: { 201: userSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /users', (actor, meta) =>
          createUser(deps, actor, meta, req.body),
        ),
    );

    app.get(
      '/users/:id',
      {
        preValidation: authorize('user.manage'),
        schema: {
          tags: ['users'],
          summary: "One user of the administrator's own task force (another's is not found)",
          params: idParams,
          response: { 200: userSchema, ...errorResponses },
        },
      },
      async (req) => getUser(deps, actorOf(req), req.params.id),
    );

    app.patch(
      '/users/:id',
      {
        preValidation: authorize('user.manage'),
        schema: {
          tags: ['users'],
          summary: 'Change a user: name, agency, roles, enable or disable (administrators)',
          params: idParams,
          body: userPatchSchema,
          response: { 200: userSchema, ...errorResponses },
        },
      },
      async (req) => updateUser(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );

    app.post(
      '/users/:id/reset-password',
      {
        preValidation: authorize('user.manage'),
        schema: {
          tags: ['users'],
          summary: "Set a new password for a user (administrators); ends the user's sessions",
          params: idParams,
          body: passwordResetSchema,
          response: { 200: userSchema, ...errorResponses },
        },
      },
      async (req) => resetPassword(deps, actorOf(req), requestMeta(req), req.params.id, req.body.password),
    );
  };
}
