import {
  retentionChangeListSchema,
  retentionChangeSchema,
  retentionPreviewSchema,
  retentionRuleSchema,
  retentionViewSchema,
  retentionYearsQuerySchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authenticate } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { getRetention, updateRetention } from './retention.service.js';
import {
  cancelRetentionChange,
  confirmRetentionChange,
  listRetentionChanges,
  previewRetentionChange,
} from './retention-change.service.js';

const changeParams = idParams.extend({ changeId: z.string().uuid() });

export function retentionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/taskforces/:id/retention',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['taskforces'],
          summary:
            "How long closed cases keep identifying data, a pending shorter period, what the next daily run would replace and what the last one did (the task force's administrators and coordinators)",
          params: idParams,
          querystring: z.object({ ifYears: retentionYearsQuerySchema.optional() }),
          response: { 200: retentionViewSchema, ...errorResponses },
        },
      },
      async (req) => getRetention(deps, actorOf(req), req.params.id, req.query.ifYears),
    );

    app.get(
      '/taskforces/:id/retention/preview',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['taskforces'],
          summary:
            'What the first daily run under another retention period would replace: cases, people, documents and (for coordinators) the case numbers; a shorter period counted at the end of its grace period',
          params: idParams,
          querystring: z.object({ years: retentionYearsQuerySchema }),
          response: { 200: retentionPreviewSchema, ...errorResponses },
        },
      },
      async (req) => previewRetentionChange(deps, actorOf(req), req.params.id, req.query.years),
    );

    app.put(
      '/taskforces/:id/retention',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['taskforces'],
          summary:
            "Set how many years closed cases keep identifying data (the task force's administrators and coordinators); carries the version read; audited. A longer period applies at once (200); a shorter one is proposed (202) and takes effect after the grace period or a second administrator's confirmation",
          params: idParams,
          body: retentionRuleSchema,
          response: { 200: retentionViewSchema, 202: retentionViewSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { proposed, view } = await updateRetention(
          deps,
          actorOf(req),
          requestMeta(req),
          req.params.id,
          req.body,
        );
        return reply.status(proposed ? 202 : 200).send(view);
      },
    );

    app.get(
      '/taskforces/:id/retention/changes',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['taskforces'],
          summary:
            'Changes of the retention period: the pending one (with what it would replace) and the last 50 before it, newest first',
          params: idParams,
          querystring: z.object({ status: z.enum(['pending', 'all']).default('all') }),
          response: { 200: retentionChangeListSchema, ...errorResponses },
        },
      },
      async (req) => listRetentionChanges(deps, actorOf(req), req.params.id, req.query.status === 'pending'),
    );

    app.post(
      '/taskforces/:id/retention/changes/:changeId/cancel',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['taskforces'],
          summary:
            "Cancel a pending change of the retention period (the task force's administrators and coordinators); audited",
          params: changeParams,
          response: { 200: retentionChangeSchema, ...errorResponses },
        },
      },
      async (req) =>
        cancelRetentionChange(deps, actorOf(req), requestMeta(req), req.params.id, req.params.changeId),
    );

    app.post(
      '/taskforces/:id/retention/changes/:changeId/confirm',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['taskforces'],
          summary:
            'Confirm a pending change so it takes effect at once: an administrator of the task force other than the one who proposed it; audited',
          params: changeParams,
          response: { 200: retentionChangeSchema, ...errorResponses },
        },
      },
      async (req) =>
        confirmRetentionChange(deps, actorOf(req), requestMeta(req), req.params.id, req.params.changeId),
    );
  };
}
