import { retentionRuleSchema, retentionViewSchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authenticate } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { getRetention, updateRetention } from './retention.service.js';

export function retentionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/taskforces/:id/retention',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['taskforces'],
          summary:
            'How long closed cases keep identifying data, what the next daily run would replace and what the last one did (administrators; coordinators of the task force)',
          params: idParams,
          querystring: z.object({ ifYears: retentionRuleSchema.shape.closedCaseYears.optional() }),
          response: { 200: retentionViewSchema, ...errorResponses },
        },
      },
      async (req) => getRetention(deps, actorOf(req), req.params.id, req.query.ifYears),
    );

    app.put(
      '/taskforces/:id/retention',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['taskforces'],
          summary:
            'Set how many years closed cases keep identifying data (administrators; coordinators of the task force); carries the version read; audited',
          params: idParams,
          body: retentionRuleSchema,
          response: { 200: retentionViewSchema, ...errorResponses },
        },
      },
      async (req) => updateRetention(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );
  };
}
