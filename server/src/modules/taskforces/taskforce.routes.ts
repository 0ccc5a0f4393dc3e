import { taskForceSummarySchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { authorize } from '../../platform/http/auth-hooks.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { getTaskForce, listTaskForces } from './taskforce.service.js';

export function taskForceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
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
