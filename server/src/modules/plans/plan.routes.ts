import {
  activityInputSchema,
  activitySchema,
  planInputSchema,
  planSchema,
  planTreeSchema,
  programmeInputSchema,
  progressCorrectionSchema,
  progressInputSchema,
  progressReportSchema,
  queryInt,
  workProgrammeInputSchema,
  workProgrammeSchema,
  yearEvaluationInputSchema,
  yearEvaluationSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { replyCreated } from '../../platform/idempotency.js';
import { readUpload } from '../attachments/attachment.http.js';
import { createActivity, createPlan, createProgramme, getPlanTree, listPlans } from './plan.service.js';
import { exportPlanXlsx, importPlanXlsx } from './plan-xlsx.service.js';
import { correctProgress, fileProgress, missingReports, progressHistory } from './progress.service.js';
import {
  saveWorkProgramme,
  saveYearEvaluation,
  workProgrammeOf,
  yearEvaluationOf,
  yearEvaluationPdf,
} from './work-programme.service.js';

const tags = ['action plans'];
const idempotencyHeader = z.object({ 'idempotency-key': z.string().max(200).optional() });
const activityParams = idParams.extend({ activityId: z.string().uuid() });
const periodParams = activityParams.extend({
  year: queryInt({ min: 2000, max: 2100 }),
  period: queryInt({ min: 1, max: 4 }),
});
const yearQuery = z.object({ year: queryInt({ min: 2000, max: 2100 }).optional() });

export function planRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/plans',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: "The task force's action plans (RAD)",
          response: { 200: z.object({ items: z.array(planSchema) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await listPlans(deps, actorOf(req)) }),
    );
    app.post(
      '/plans',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary: 'Start an action plan for a period',
          headers: idempotencyHeader,
          body: planInputSchema,
          response: { 201: planSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /plans', (actor, meta) =>
          createPlan(deps, actor, meta, req.body),
        ),
    );
    const yearParams = z.object({ year: queryInt({ min: 2000, max: 2100 }) });
    app.get(
      '/work-programmes/:year',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary:
            "The task force's annual work programme: RAD activities with months, responsible agency and budget",
          params: yearParams,
          response: { 200: workProgrammeSchema, ...errorResponses },
        },
      },
      async (req) => workProgrammeOf(deps, actorOf(req), req.params.year),
    );
    app.put(
      '/work-programmes/:year',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary:
            'Replace the annual work programme (the secretariat); carries the version read (0 for a new one)',
          params: yearParams,
          body: workProgrammeInputSchema,
          response: { 200: workProgrammeSchema, ...errorResponses },
        },
      },
      async (req) => saveWorkProgramme(deps, actorOf(req), requestMeta(req), req.params.year, req.body),
    );
    app.get(
      '/evaluations/:year',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary:
            "The year-end evaluation: each activity's achievements, obstacles and interventions from the year's reports, and the secretariat's summary",
          params: yearParams,
          response: { 200: yearEvaluationSchema, ...errorResponses },
        },
      },
      async (req) => yearEvaluationOf(deps, actorOf(req), req.params.year),
    );
    app.get(
      '/evaluations/:year/pdf',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: 'The year-end evaluation as a PDF (summary and each activity against its target)',
          params: yearParams,
        },
      },
      async (req, reply) =>
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="evaluasi-${req.params.year}.pdf"`)
          .send(await yearEvaluationPdf(deps, actorOf(req), requestMeta(req), req.params.year)),
    );
    app.put(
      '/evaluations/:year',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary: "Save the secretariat's summary of the year; carries the version read (0 for a new one)",
          params: yearParams,
          body: yearEvaluationInputSchema,
          response: { 200: yearEvaluationSchema, ...errorResponses },
        },
      },
      async (req) => saveYearEvaluation(deps, actorOf(req), requestMeta(req), req.params.year, req.body),
    );
    app.get(
      '/plans/:id/export.xlsx',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary:
            'The RAD matrix as XLSX: one row per activity with targets, agencies, budget per year and source, and realisation',
          params: idParams,
        },
      },
      async (req, reply) => {
        const file = await exportPlanXlsx(deps, actorOf(req), requestMeta(req), req.params.id);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.buffer);
      },
    );
    app.post(
      '/plans/import',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary:
            'Import a plan from a RAD workbook (multipart field `file`, the export layout): `dryRun=true` answers the preview and each row’s problems; otherwise the plan is saved only when no row has a problem',
          consumes: ['multipart/form-data'],
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
          response: {
            200: z.object({
              preview: z.object({
                plan: planInputSchema.nullable(),
                programmes: z.number().int(),
                activities: z.number().int(),
                rows: z.array(
                  z.object({
                    row: z.number().int(),
                    programme: z.string(),
                    title: z.string(),
                    responsible: z.string(),
                  }),
                ),
                problems: z.array(
                  z.object({ row: z.number().int(), field: z.string(), message: z.string() }),
                ),
              }),
              plan: planSchema.nullable(),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const { data } = await readUpload(req);
        return importPlanXlsx(deps, actorOf(req), requestMeta(req), data, req.query.dryRun === 'true');
      },
    );
    app.get(
      '/plans/:id',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: 'The plan tree for a year with achievement and status per activity and programme',
          params: idParams,
          querystring: yearQuery,
          response: { 200: planTreeSchema, ...errorResponses },
        },
      },
      async (req) => getPlanTree(deps, actorOf(req), req.params.id, req.query.year),
    );
    app.post(
      '/plans/:id/programmes',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary: 'Add a programme',
          params: idParams,
          headers: idempotencyHeader,
          body: programmeInputSchema,
          response: { 201: programmeInputSchema.extend({ id: z.string() }), ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /plans/:id/programmes', (actor, meta) =>
          createProgramme(deps, actor, meta, req.params.id, req.body),
        ),
    );
    app.post(
      '/plans/:id/activities',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary: 'Add an activity with its indicator, yearly targets, agencies and budget',
          params: idParams,
          headers: idempotencyHeader,
          body: activityInputSchema,
          response: { 201: activitySchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /plans/:id/activities', (actor, meta) =>
          createActivity(deps, actor, meta, req.params.id, req.body),
        ),
    );
    app.get(
      '/plans/:id/activities/:activityId/reports',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: "An activity's progress reports with every correction, newest first",
          params: activityParams,
          response: { 200: z.object({ items: z.array(progressReportSchema) }), ...errorResponses },
        },
      },
      async (req) => ({
        items: await progressHistory(deps, actorOf(req), req.params.id, req.params.activityId),
      }),
    );
    app.post(
      '/plans/:id/activities/:activityId/reports',
      {
        preValidation: authorize('plan.report'),
        schema: {
          tags,
          summary: 'File the progress of an activity for a period (the responsible agency, once per period)',
          params: activityParams,
          headers: idempotencyHeader,
          body: progressInputSchema,
          response: { 201: progressReportSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /plans/:id/activities/:activityId/reports', (actor, meta) =>
          fileProgress(deps, actor, meta, req.params.id, req.params.activityId, req.body),
        ),
    );
    app.put(
      '/plans/:id/activities/:activityId/reports/:year/:period',
      {
        preValidation: authorize('plan.report'),
        schema: {
          tags,
          summary: "Correct a period's report; carries the version read; earlier versions are kept",
          params: periodParams,
          body: progressCorrectionSchema,
          response: { 200: progressReportSchema, ...errorResponses },
        },
      },
      async (req) =>
        correctProgress(
          deps,
          actorOf(req),
          requestMeta(req),
          req.params.id,
          req.params.activityId,
          req.params.year,
          req.params.period,
          req.body,
        ),
    );
    app.get(
      '/plans/:id/missing-reports',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary: 'Activities not yet reported for a period, by agency (secretariat)',
          params: idParams,
          querystring: z.object({
            year: queryInt({ min: 2000, max: 2100 }),
            period: queryInt({ min: 1, max: 4 }),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  activityId: z.string(),
                  title: z.string(),
                  agencyId: z.string(),
                  agencyShortName: z.string(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => ({
        items: await missingReports(deps, actorOf(req), req.params.id, req.query.year, req.query.period),
      }),
    );
  };
}
