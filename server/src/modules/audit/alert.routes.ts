import { acknowledgeAlertSchema, securityAlertSchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams, pageOf, pagingQuery } from '../../platform/http/schemas.js';
import { acknowledgeAlert, listAlerts, openAlertCount } from './alert.service.js';

export function alertRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/security/alerts',
      {
        preValidation: authorize('audit.read'),
        schema: {
          tags: ['audit'],
          summary:
            'Alerts on unusual patterns: bulk reads of identifying records, failed sign-ins from one address, identifying exports (administrators)',
          querystring: z.object({ status: z.enum(['open', 'all']).default('open'), ...pagingQuery }),
          response: { 200: pageOf(securityAlertSchema), ...errorResponses },
        },
      },
      async (req) =>
        listAlerts(deps, actorOf(req), {
          open: req.query.status === 'open',
          page: req.query.page,
          pageSize: req.query.pageSize,
        }),
    );

    app.get(
      '/security/alerts/summary',
      {
        preValidation: authorize('audit.read'),
        schema: {
          tags: ['audit'],
          summary: 'How many alerts are waiting to be acknowledged (administrators)',
          response: { 200: z.object({ open: z.number().int() }), ...errorResponses },
        },
      },
      async (req) => openAlertCount(deps, actorOf(req)),
    );

    app.post(
      '/security/alerts/:id/acknowledge',
      {
        preValidation: authorize('audit.read'),
        schema: {
          tags: ['audit'],
          summary: 'Acknowledge an alert with a note of what was found (administrators; audited)',
          params: idParams,
          body: acknowledgeAlertSchema,
          response: { 200: securityAlertSchema, ...errorResponses },
        },
      },
      async (req) => acknowledgeAlert(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );
  };
}
