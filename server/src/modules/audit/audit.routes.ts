import { auditEventSchema, auditFilterSchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, pageOf, pagingQuery } from '../../platform/http/schemas.js';
import { exportAuditCsv, searchAudit } from './audit.service.js';

const auditRowSchema = auditEventSchema.extend({ actorAgencyShortName: z.string().nullable() });

export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        preValidation: authorize('audit.read'),
        schema: {
          tags: ['audit'],
          summary:
            'The audit trail, newest first, filtered by user, agency, action, record and time (administrators; audited)',
          querystring: auditFilterSchema.extend(pagingQuery),
          response: { 200: pageOf(auditRowSchema), ...errorResponses },
        },
      },
      async (req) => searchAudit(deps, actorOf(req), requestMeta(req), req.query),
    );

    app.get(
      '/audit/export.csv',
      {
        preValidation: authorize('audit.read'),
        schema: {
          tags: ['audit'],
          summary:
            'The filtered audit trail as CSV, formulas neutralised (administrators; at most 50,000 rows; the export is audited)',
          querystring: auditFilterSchema,
          response: { 200: z.string(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const meta = requestMeta(req);
        const result = await exportAuditCsv(deps, actorOf(req), meta, req.query);
        const stamp = deps.clock.now().toISOString().slice(0, 10);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="${meta.lang === 'id' ? 'audit' : 'audit-trail'}-${stamp}.csv"`,
          )
          .header('x-export-rows', String(result.rows))
          .header('x-export-truncated', String(result.truncated))
          .send(result.csv);
      },
    );
  };
}
