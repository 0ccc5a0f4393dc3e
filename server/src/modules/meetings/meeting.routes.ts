import {
  actionInputSchema,
  actionStatusInputSchema,
  agendaPackSchema,
  MEETING_PDF_KINDS,
  meetingActionSchema,
  meetingInputSchema,
  meetingSchema,
  meetingSummarySchema,
  meetingUpdateSchema,
  secretariatOverviewSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { replyCreated } from '../../platform/idempotency.js';
import { agendaPack, secretariatOverview } from './agenda-pack.service.js';
import {
  addAction,
  changeActionStatus,
  createMeeting,
  getMeeting,
  listMeetings,
  updateMeeting,
} from './meeting.service.js';
import { exportMeetingPdf } from './meeting-pdf.service.js';

const tags = ['meetings'];
const idempotencyHeader = z.object({ 'idempotency-key': z.string().max(200).optional() });
const actionParams = idParams.extend({ actionId: z.string().uuid() });

export function meetingRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/meetings',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: "The task force's coordination meetings, newest first",
          response: { 200: z.object({ items: z.array(meetingSummarySchema) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await listMeetings(deps, actorOf(req)) }),
    );
    app.post(
      '/meetings',
      {
        preValidation: authorize('meeting.manage'),
        schema: {
          tags,
          summary: 'Record a meeting (secretariat); cases are named by number only',
          headers: idempotencyHeader,
          body: meetingInputSchema,
          response: { 201: meetingSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /meetings', (actor, meta) =>
          createMeeting(deps, actor, meta, req.body),
        ),
    );
    app.get(
      '/meetings/overview',
      {
        preValidation: authorize('meeting.manage'),
        schema: {
          tags,
          summary: "The secretariat's overview: reports missing this period, overdue actions, next meeting",
          response: { 200: secretariatOverviewSchema, ...errorResponses },
        },
      },
      async (req) => secretariatOverview(deps, actorOf(req)),
    );
    app.get(
      '/meetings/:id',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: 'A meeting with agenda, attendance, minutes, decisions and follow-up actions',
          params: idParams,
          response: { 200: meetingSchema, ...errorResponses },
        },
      },
      async (req) => getMeeting(deps, actorOf(req), req.params.id),
    );
    app.put(
      '/meetings/:id',
      {
        preValidation: authorize('meeting.manage'),
        schema: {
          tags,
          summary: "Replace a meeting's record; carries the version read (409 with the current one if stale)",
          params: idParams,
          body: meetingUpdateSchema,
          response: { 200: meetingSchema, ...errorResponses },
        },
      },
      async (req) =>
        updateMeeting(
          deps,
          actorOf(req),
          requestMeta(req),
          req.params.id,
          req.body.meeting,
          req.body.version,
        ),
    );
    app.get(
      '/meetings/:id/agenda-pack',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: 'Progress reports since the previous meeting and open actions of earlier meetings',
          params: idParams,
          response: { 200: agendaPackSchema, ...errorResponses },
        },
      },
      async (req) => agendaPack(deps, actorOf(req), req.params.id),
    );
    app.get(
      '/meetings/:id/pdf/:kind',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary: 'Invitation letter, attendance sheet or minutes as a PDF (audited)',
          params: idParams.extend({ kind: z.enum(MEETING_PDF_KINDS) }),
        },
      },
      async (req, reply) => {
        const buffer = await exportMeetingPdf(
          deps,
          actorOf(req),
          requestMeta(req),
          req.params.id,
          req.params.kind,
        );
        const name = { invitation: 'undangan', attendance: 'daftar-hadir', minutes: 'notulen' }[
          req.params.kind
        ];
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${name}-${req.params.id.slice(0, 8)}.pdf"`)
          .send(buffer);
      },
    );
    app.post(
      '/meetings/:id/actions',
      {
        preValidation: authorize('meeting.manage'),
        schema: {
          tags,
          summary: 'Assign a follow-up action to a member agency',
          params: idParams,
          headers: idempotencyHeader,
          body: actionInputSchema,
          response: { 201: meetingActionSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /meetings/:id/actions', (actor, meta) =>
          addAction(deps, actor, meta, req.params.id, req.body),
        ),
    );
    app.patch(
      '/meetings/:id/actions/:actionId',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags,
          summary:
            'Close (done or dropped, with a note) or reopen an action: the secretariat or the owner agency',
          params: actionParams,
          body: actionStatusInputSchema,
          response: { 200: meetingActionSchema, ...errorResponses },
        },
      },
      async (req) =>
        changeActionStatus(
          deps,
          actorOf(req),
          requestMeta(req),
          req.params.id,
          req.params.actionId,
          req.body,
        ),
    );
  };
}
