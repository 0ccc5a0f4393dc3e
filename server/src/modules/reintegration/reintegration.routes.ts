import {
  conferenceCreateSchema,
  conferenceSchema,
  followUpRecordSchema,
  reintegrationPlanCreateSchema,
  reintegrationSchema,
  repatriationLegCreateSchema,
  repatriationLegPatchSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { replyCreated } from '../../platform/idempotency.js';
import { completeAction, conferencesOf, recordConference } from './conference.service.js';
import { addLeg, addPlan, recordVisit, reintegrationOf, updateLeg } from './reintegration.service.js';

const ok = z.object({ ok: z.boolean() });

export function reintegrationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cases/:id/reintegration',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['reintegration'],
          summary:
            'Repatriation legs (the chain home), reintegration plans with follow-up visits, and case flags',
          params: idParams,
          response: { 200: reintegrationSchema, ...errorResponses },
        },
      },
      async (req) => reintegrationOf(deps, actorOf(req), req.params.id),
    );
    app.post(
      '/cases/:id/repatriation-legs',
      {
        preValidation: authorize('service.manage'),
        schema: {
          tags: ['reintegration'],
          summary: 'Add a repatriation leg (one hand-over: from, to, agency, dates, escort, transport, cost)',
          params: idParams,
          headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
          body: repatriationLegCreateSchema,
          response: { 201: reintegrationSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, `POST /cases/${req.params.id}/repatriation-legs`, (actor, meta) =>
          addLeg(deps, actor, meta, req.params.id, req.body),
        ),
    );
    app.patch(
      '/repatriation-legs/:id',
      {
        preValidation: authorize('service.manage'),
        schema: {
          tags: ['reintegration'],
          summary: 'Record the actual date, escort or hand-over report of a leg',
          params: idParams,
          body: repatriationLegPatchSchema,
          response: { 200: reintegrationSchema, ...errorResponses },
        },
      },
      async (req) => updateLeg(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );
    app.post(
      '/cases/:id/reintegration-plans',
      {
        preValidation: authorize('service.manage'),
        schema: {
          tags: ['reintegration'],
          summary: "A reintegration plan; follow-up visits are scheduled at the task force's months",
          params: idParams,
          headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
          body: reintegrationPlanCreateSchema,
          response: { 201: reintegrationSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, `POST /cases/${req.params.id}/reintegration-plans`, (actor, meta) =>
          addPlan(deps, actor, meta, req.params.id, req.body),
        ),
    );
    app.post(
      '/follow-up-visits/:id',
      {
        preValidation: authorize('service.manage'),
        schema: {
          tags: ['reintegration'],
          summary:
            "Record a follow-up visit: findings, the person's situation, next step (re-trafficking flags the case)",
          params: idParams,
          body: followUpRecordSchema,
          response: { 200: ok, ...errorResponses },
        },
      },
      async (req) => recordVisit(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );
    app.get(
      '/cases/:id/conferences',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['reintegration'],
          summary: 'Case conferences (pembahasan kasus) with their actions',
          params: idParams,
          response: { 200: z.object({ items: z.array(conferenceSchema) }), ...errorResponses },
        },
      },
      async (req) => conferencesOf(deps, actorOf(req), req.params.id),
    );
    app.post(
      '/cases/:id/conferences',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['reintegration'],
          summary:
            'Record a case conference: date, agencies present, summary, decisions, actions with owner and due date',
          params: idParams,
          headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
          body: conferenceCreateSchema,
          response: { 201: z.object({ items: z.array(conferenceSchema) }), ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, `POST /cases/${req.params.id}/conferences`, (actor, meta) =>
          recordConference(deps, actor, meta, req.params.id, req.body),
        ),
    );
    app.post(
      '/conference-actions/:id/done',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['reintegration'],
          summary: 'Mark a conference action done (its owner agency or the case team)',
          params: idParams,
          body: z.object({ version: z.number().int().min(1) }),
          response: { 200: ok, ...errorResponses },
        },
      },
      async (req) => completeAction(deps, actorOf(req), requestMeta(req), req.params.id, req.body.version),
    );
  };
}
