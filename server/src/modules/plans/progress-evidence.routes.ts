import { progressReportSchema, queryInt, removalSchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { readUpload, sendFile } from '../attachments/attachment.http.js';
import { attachEvidence, downloadEvidence, removeEvidence } from './progress-evidence.service.js';

const tags = ['action plan'];
const activityParams = idParams.extend({ activityId: z.string().uuid() });
const periodParams = activityParams.extend({
  year: queryInt({ min: 2000, max: 2100 }),
  period: queryInt({ min: 1, max: 4 }),
});

/** Evidence files of progress reports. */
export function progressEvidenceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/plans/:id/activities/:activityId/reports/:year/:period/evidence',
      {
        preValidation: authorize('plan.report'),
        schema: {
          tags,
          summary:
            'Attach evidence (multipart field `file`: photo, attendance list, PDF, office document) to the latest version of a period’s report; the reporting agency only; stored encrypted',
          params: periodParams,
          consumes: ['multipart/form-data'],
          response: { 201: progressReportSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const p = req.params;
        const file = await readUpload(req);
        return reply
          .status(201)
          .send(
            await attachEvidence(
              deps,
              actorOf(req),
              requestMeta(req),
              p.id,
              p.activityId,
              p.year,
              p.period,
              file,
            ),
          );
      },
    );
    app.delete(
      '/plans/:id/activities/:activityId/reports/:year/:period/evidence/:fileId',
      {
        preValidation: authorize('plan.report'),
        schema: {
          tags,
          summary:
            'Take a file off the latest version of a report, with a reason (earlier versions keep theirs)',
          params: periodParams.extend({ fileId: z.string().uuid() }),
          body: removalSchema,
          response: { 200: progressReportSchema, ...errorResponses },
        },
      },
      async (req) => {
        const p = req.params;
        return removeEvidence(
          deps,
          actorOf(req),
          requestMeta(req),
          p.id,
          p.activityId,
          p.year,
          p.period,
          p.fileId,
          req.body.reason,
        );
      },
    );
    app.get(
      '/plans/:id/activities/:activityId/evidence/:fileId/content',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: 'Download an evidence file of any version of the activity’s reports (audited)',
          params: activityParams.extend({ fileId: z.string().uuid() }),
        },
      },
      async (req, reply) =>
        sendFile(
          reply,
          await downloadEvidence(
            deps,
            actorOf(req),
            requestMeta(req),
            req.params.id,
            req.params.activityId,
            req.params.fileId,
          ),
        ),
    );
  };
}
