import {
  REPORT_FORMATS,
  reportJobSchema,
  reportRecommendationsInputSchema,
  reportYearParamsSchema,
  yearlyReportInfoSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { replyCreated } from '../../platform/idempotency.js';
import {
  downloadReport,
  getReportJob,
  saveRecommendations,
  startYearlyReport,
  yearlyReportInfo,
} from './reports.service.js';

const tags = ['reports'];
const idempotencyHeader = z.object({ 'idempotency-key': z.string().max(200).optional() });
const jobParams = reportYearParamsSchema.extend({ id: z.string().uuid() });
const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** A file name from the task force's name: letters, digits and dashes only. */
function fileName(taskForce: string, year: number, format: 'docx' | 'pdf'): string {
  const slug = taskForce
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return `laporan-tahunan-${slug || 'gugus-tugas'}-${year}.${format}`;
}

export function reportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reports/yearly/:year',
      {
        preValidation: authorize('stats.read'),
        schema: {
          tags,
          summary: "The yearly report page: the secretariat's recommendations and the latest generation",
          params: reportYearParamsSchema,
          response: { 200: yearlyReportInfoSchema, ...errorResponses },
        },
      },
      async (req) => yearlyReportInfo(deps, actorOf(req), req.params.year),
    );
    app.put(
      '/reports/yearly/:year/recommendations',
      {
        preValidation: authorize('taskforce.manage'),
        schema: {
          tags,
          summary: 'Save the recommendations of the yearly report (secretariat; version-checked)',
          params: reportYearParamsSchema,
          body: reportRecommendationsInputSchema,
          response: { 200: yearlyReportInfoSchema, ...errorResponses },
        },
      },
      async (req) => saveRecommendations(deps, actorOf(req), requestMeta(req), req.params.year, req.body),
    );
    app.post(
      '/reports/yearly/:year/jobs',
      {
        preValidation: authorize('stats.read'),
        schema: {
          tags,
          summary: 'Start generating the yearly report (DOCX and PDF); answers at once with the job',
          params: reportYearParamsSchema,
          headers: idempotencyHeader,
          response: { 201: reportJobSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, `POST /reports/yearly/${req.params.year}/jobs`, (actor, meta) =>
          startYearlyReport(deps, actor, meta, req.params.year),
        ),
    );
    app.get(
      '/reports/yearly/:year/jobs/:id',
      {
        preValidation: authorize('stats.read'),
        schema: {
          tags,
          summary: 'Status and progress of a generation (percent and the current step)',
          params: jobParams,
          response: { 200: reportJobSchema, ...errorResponses },
        },
      },
      async (req) => getReportJob(deps, actorOf(req), req.params.id),
    );
    app.get(
      '/reports/yearly/:year/jobs/:id/download',
      {
        preValidation: authorize('stats.read'),
        schema: {
          tags,
          summary: 'Download the generated report as DOCX (editable) or PDF (audited)',
          params: jobParams,
          querystring: z.object({ format: z.enum(REPORT_FORMATS) }),
        },
      },
      async (req, reply) => {
        const { file, year, taskForceName } = await downloadReport(
          deps,
          actorOf(req),
          requestMeta(req),
          req.params.id,
          req.query.format,
        );
        return reply
          .header('content-type', CONTENT_TYPES[req.query.format])
          .header(
            'content-disposition',
            `attachment; filename="${fileName(taskForceName, year, req.query.format)}"`,
          )
          .header('cache-control', 'no-store')
          .send(file);
      },
    );
  };
}
