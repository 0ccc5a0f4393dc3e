import {
  deadlineSettingsSchema,
  needsInputSchema,
  serviceCreateSchema,
  servicePlanSchema,
  serviceStatusChangeSchema,
  serviceViewSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { replyCreated } from '../../platform/idempotency.js';
import { readUpload } from '../attachments/attachment.http.js';
import { contentDisposition } from '../documents/document.routes.js';
import { assertSeesTaskForce } from '../taskforces/membership.policy.js';
import { deadlineSettingsOf, updateDeadlineSettings } from './deadline-settings.service.js';
import { changeServiceStatus, createService } from './service.service.js';
import { downloadServiceDocument, uploadServiceDocument } from './service-document.service.js';
import { servicePlan, setNeeds } from './service-plan.service.js';

const deadlineSettingsView = deadlineSettingsSchema.extend({ version: z.number(), timeZone: z.string() });

export function serviceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cases/:id/services',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['services'],
          summary:
            'The service plan: needs per victim against the six SOP stages and the services (a receiving agency sees only its referred persons and its own records)',
          params: idParams,
          response: { 200: servicePlanSchema, ...errorResponses },
        },
      },
      async (req) => servicePlan(deps, actorOf(req), requestMeta(req), req.params.id),
    );

    app.post(
      '/cases/:id/services',
      {
        preValidation: authorize('service.manage'),
        schema: {
          tags: ['services'],
          summary:
            "Record a service by the caller's agency (the lead agency, or the receiving agency under an accepted referral)",
          params: idParams,
          headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
          body: serviceCreateSchema,
          response: { 201: serviceViewSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, `POST /cases/${req.params.id}/services`, (actor, meta) =>
          createService(deps, actor, meta, req.params.id, req.body),
        ),
    );

    app.put(
      '/cases/:id/persons/:personId/needs',
      {
        preValidation: authorize('service.manage'),
        schema: {
          tags: ['services'],
          summary: "A victim's needs against the six SOP stages (case team)",
          params: z.object({ id: z.string().uuid(), personId: z.string().uuid() }),
          body: needsInputSchema,
          response: { 200: servicePlanSchema, ...errorResponses },
        },
      },
      async (req) =>
        setNeeds(deps, actorOf(req), requestMeta(req), req.params.id, req.params.personId, req.body),
    );

    app.post(
      '/services/:id/status',
      {
        preValidation: authorize('service.manage'),
        schema: {
          tags: ['services'],
          summary:
            'Move a service: requested -> accepted | declined -> in_progress -> completed (outcome) | cancelled',
          params: idParams,
          body: serviceStatusChangeSchema,
          response: { 200: serviceViewSchema, ...errorResponses },
        },
      },
      async (req) => changeServiceStatus(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );

    app.post(
      '/services/:id/documents',
      {
        preValidation: authorize('service.manage'),
        schema: {
          tags: ['services'],
          summary:
            'Attach a file to a service (multipart field `file`): the providing agency or the lead agency’s team; stored encrypted',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 201: serviceViewSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { filename, data } = await readUpload(req);
        return reply.status(201).send(
          await uploadServiceDocument(deps, actorOf(req), requestMeta(req), req.params.id, {
            filename,
            data,
          }),
        );
      },
    );

    app.get(
      '/services/:id/documents/:documentId/content',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['services'],
          summary: 'Download a service’s file (the case team and the providing agency; audited)',
          params: z.object({ id: z.string().uuid(), documentId: z.string().uuid() }),
        },
      },
      async (req, reply) => {
        const file = await downloadServiceDocument(
          deps,
          actorOf(req),
          requestMeta(req),
          req.params.id,
          req.params.documentId,
        );
        return reply
          .header('content-type', file.mime)
          .header('content-disposition', contentDisposition(file.filename))
          .header('x-content-type-options', 'nosniff')
          .send(file.data);
      },
    );

    app.get(
      '/taskforces/:id/deadline-rules',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags: ['services'],
          summary: "The task force's deadline rules, holidays and follow-up months (defaults from the SOP)",
          params: idParams,
          response: { 200: deadlineSettingsView, ...errorResponses },
        },
      },
      async (req) => {
        // Another task force's rules are out of scope: not found, like any record there.
        assertSeesTaskForce(actorOf(req), req.params.id);
        return deadlineSettingsOf(deps.db, req.params.id);
      },
    );

    app.put(
      '/taskforces/:id/deadline-rules',
      {
        preValidation: authorize('taskforce.read'),
        schema: {
          tags: ['services'],
          summary:
            'Replace the deadline rules (administrators; coordinators of the task force); carries the version read',
          params: idParams,
          body: deadlineSettingsSchema.extend({ version: z.number().int().min(0) }),
          response: { 200: deadlineSettingsView, ...errorResponses },
        },
      },
      async (req) => updateDeadlineSettings(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );
  };
}
