import {
  accessLogEntrySchema,
  caseCreateSchema,
  caseDetailSchema,
  caseListQuerySchema,
  casePatchSchema,
  caseSummarySchema,
  caseTransitionSchema,
  ROLES,
  timelineEventSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams, pageOf, pagingQuery } from '../../platform/http/schemas.js';
import { replyCreated } from '../../platform/idempotency.js';
import { exportCases } from './case.export.js';
import { caseTimeline, createCase, getCase, transitionCase, updateCase } from './case.service.js';
import { caseAccessLog } from './case-access-log.service.js';
import { listCases } from './case-list.service.js';
import { teamCandidates } from './case-team.service.js';

export function caseRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cases',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['cases'],
          summary: 'Cases the caller may see, with filters; `q` searches case number, exact NIK or full name',
          querystring: caseListQuerySchema,
          response: {
            200: pageOf(caseSummarySchema).extend({
              totalExact: z
                .boolean()
                .describe('false when more cases match than were counted: `total` is then a lower bound'),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => listCases(deps, actorOf(req), requestMeta(req), req.query),
    );

    app.get(
      '/cases/:id/access-log',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['cases'],
          summary:
            "Who saw or changed the case, its people and documents (the case team and the task force's coordinators; audited)",
          params: idParams,
          querystring: z.object(pagingQuery),
          response: { 200: pageOf(accessLogEntrySchema), ...errorResponses },
        },
      },
      async (req) => caseAccessLog(deps, actorOf(req), requestMeta(req), req.params.id, req.query),
    );

    app.get(
      '/cases/team-candidates',
      {
        preValidation: authorize('case.create'),
        schema: {
          tags: ['cases'],
          summary:
            "Who may join the team of a case led by an agency: its own staff ask for it, and the task force's coordinators",
          querystring: z.object({ agencyId: z.string().uuid() }),
          response: {
            200: z.object({
              items: z.array(
                z.object({ id: z.string().uuid(), displayName: z.string(), roles: z.array(z.enum(ROLES)) }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => teamCandidates(deps, actorOf(req), req.query.agencyId),
    );

    app.get(
      '/cases/export.xlsx',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['cases'],
          summary: 'The filtered case list as an XLSX file (at most 5,000 rows; audited)',
          querystring: caseListQuerySchema,
        },
      },
      async (req, reply) => {
        const meta = requestMeta(req);
        const result = await exportCases(deps, actorOf(req), meta, req.query);
        const stamp = new Date().toISOString().slice(0, 10);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename="${meta.lang === 'id' ? 'kasus' : 'cases'}-${stamp}.xlsx"`,
          )
          .header('x-export-rows', String(result.rows))
          .header('x-export-truncated', String(result.truncated))
          .send(result.buffer);
      },
    );

    app.post(
      '/cases',
      {
        preValidation: authorize('case.create'),
        schema: {
          tags: ['cases'],
          summary: 'Open a case; the number is assigned per task force and year',
          headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
          body: caseCreateSchema,
          response: { 201: caseDetailSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /cases', (actor, meta) =>
          createCase(deps, actor, meta, req.body),
        ),
    );

    app.get(
      '/cases/:id',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['cases'],
          summary: 'One case (identifying fields only for the case team)',
          params: idParams,
          response: { 200: caseDetailSchema, ...errorResponses },
        },
      },
      async (req) => getCase(deps, actorOf(req), requestMeta(req), req.params.id),
    );

    app.patch(
      '/cases/:id',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['cases'],
          summary: 'Change a case (case team); carries the version read',
          params: idParams,
          body: casePatchSchema,
          response: { 200: caseDetailSchema, ...errorResponses },
        },
      },
      async (req) => updateCase(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );

    app.post(
      '/cases/:id/transitions',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['cases'],
          summary: 'Move the case to another stage, close it (reason) or reopen it (reason)',
          params: idParams,
          body: caseTransitionSchema,
          response: { 200: caseDetailSchema, ...errorResponses },
        },
      },
      async (req) => transitionCase(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );

    app.get(
      '/cases/:id/timeline',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['cases'],
          summary: "The case's timeline, newest first",
          params: idParams,
          response: { 200: z.object({ items: z.array(timelineEventSchema) }), ...errorResponses },
        },
      },
      async (req) => caseTimeline(deps, actorOf(req), requestMeta(req), req.params.id),
    );
  };
}
