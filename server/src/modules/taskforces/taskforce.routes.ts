import { taskForceSummarySchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { actorOf, authenticate, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { assertSeesTaskForce } from './membership.policy.js';
import {
  getTaskForce,
  listTaskForces,
  taskForceContext,
  updateTaskForceSettings,
} from './taskforce.service.js';

export function taskForceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const settingsSchema = z.object({
    responseLimits: z.object({
      highHours: z.number().min(0.25).max(72),
      mediumHours: z.number().min(0.5).max(168),
      lowWorkingDays: z.number().int().min(1).max(30),
    }),
    caseNumberPrefix: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{1,12}$/, { message: 'invalid_format' }),
  });
  const settingsView = settingsSchema.extend({ version: z.number().int() });
  return async (app) => {
    app.get(
      '/taskforces/:id/settings',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags: ['task forces'],
          summary:
            "A task force's settings: first-response limits per risk, case-number prefix, and the version to send back with a change",
          params: idParams,
          response: { 200: settingsView, ...errorResponses },
        },
      },
      async (req) => {
        // Another task force's settings are none of the caller's business: out of scope is not found.
        assertSeesTaskForce(actorOf(req), req.params.id);
        const ctx = await taskForceContext(deps.db, req.params.id);
        if (!ctx) throw errors.notFound();
        return { ...ctx.settings, version: ctx.row.version };
      },
    );
    app.patch(
      '/taskforces/:id/settings',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['task forces'],
          summary:
            'Change the settings (coordinators and administrators of the task force); carries the version read, a stale one gets 409 with the current settings',
          params: idParams,
          body: settingsSchema.partial().extend({
            responseLimits: settingsSchema.shape.responseLimits.partial().optional(),
            version: z.number().int().min(1),
          }),
          response: { 200: settingsView, ...errorResponses },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        if (!actor.permissions.has('taskforce.manage') && !actor.roles.includes('admin'))
          throw errors.forbidden();
        return updateTaskForceSettings(deps, actor, requestMeta(req), req.params.id, req.body);
      },
    );

    app.get(
      '/taskforces',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags: ['task forces'],
          summary: 'Task forces of this deployment',
          response: { 200: z.object({ items: z.array(taskForceSummarySchema) }), ...errorResponses },
        },
      },
      async () => ({ items: await listTaskForces(deps) }),
    );
    app.get(
      '/taskforces/:id',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags: ['task forces'],
          summary: 'One task force',
          params: idParams,
          response: { 200: taskForceSummarySchema, ...errorResponses },
        },
      },
      async (req) => getTaskForce(deps, req.params.id),
    );
  };
}
