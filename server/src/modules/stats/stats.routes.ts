import {
  breakdownQuerySchema,
  breakdownSchema,
  dashboardSchema,
  STAT_INDICATORS,
  statsFilterSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { breakdown, dashboard, pickableTaskForces } from './stats.service.js';
import { breakdownWorkbook } from './stats.xlsx.js';

const tags = ['statistics'];

export function statsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/stats/indicators',
      {
        preValidation: authorize('stats.read'),
        schema: {
          tags,
          summary: 'The indicators and the dimensions each can be broken down by',
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.string(), unit: z.string(), dimensions: z.array(z.string()) })),
            }),
            ...errorResponses,
          },
        },
      },
      async () => ({
        items: Object.entries(STAT_INDICATORS).map(([id, d]) => ({
          id,
          unit: d.unit,
          dimensions: [...d.dimensions],
        })),
      }),
    );
    app.get(
      '/stats/task-forces',
      {
        preValidation: authorize('stats.read'),
        schema: {
          tags,
          summary: 'The task forces the caller may narrow the statistics to (their own and those below it)',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  name: z.string(),
                  level: z.enum(['national', 'province', 'regency']),
                  parentId: z.string().nullable(),
                  own: z.boolean(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => ({ items: await pickableTaskForces(deps, actorOf(req)) }),
    );
    app.get(
      '/stats/dashboard',
      {
        preValidation: authorize('stats.read'),
        schema: {
          tags,
          summary:
            'Headline figures and the monthly trend for the period (small counts protected unless exact)',
          querystring: statsFilterSchema,
          response: { 200: dashboardSchema, ...errorResponses },
        },
      },
      async (req) => dashboard(deps, actorOf(req), requestMeta(req), req.query),
    );
    app.get(
      '/stats/breakdown',
      {
        preValidation: authorize('stats.read'),
        schema: {
          tags,
          summary: 'One indicator by one dimension (and optionally a series): the table behind a chart',
          querystring: breakdownQuerySchema,
          response: { 200: breakdownSchema, ...errorResponses },
        },
      },
      async (req) => breakdown(deps, actorOf(req), requestMeta(req), req.query),
    );
    app.get(
      '/stats/breakdown.xlsx',
      {
        preValidation: authorize('stats.read'),
        schema: {
          tags,
          summary: 'The same breakdown as an XLSX file (audited)',
          querystring: breakdownQuerySchema,
        },
      },
      async (req, reply) => {
        const meta = requestMeta(req);
        const table = await breakdown(deps, actorOf(req), meta, req.query, 'stats.exported');
        const buffer = await breakdownWorkbook(deps.reference, table, meta.lang);
        const name = `${meta.lang === 'id' ? 'statistik' : 'statistics'}-${table.indicator}-${table.dimension}`;
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(buffer);
      },
    );
  };
}
