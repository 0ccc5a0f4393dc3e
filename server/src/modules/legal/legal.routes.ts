import {
  LEGAL_STAGES,
  legalListItemSchema,
  legalListQuerySchema,
  legalStageCreateSchema,
  legalTrackSchema,
  policeAgencyAssignSchema,
  policeReportCreateSchema,
  protectionCreateSchema,
  protectionPatchSchema,
  restitutionCreateSchema,
  restitutionPatchSchema,
  restitutionPaymentCreateSchema,
  suspectCreateSchema,
  suspectPatchSchema,
  suspectSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { replyCreated } from '../../platform/idempotency.js';
import { deliverPending } from '../notifications/notification.service.js';
import { listLegalTracks } from './legal-list.service.js';
import {
  assignPoliceAgency,
  getLegalTrack,
  recordLegalStage,
  recordPoliceReport,
} from './legal-track.service.js';
import {
  createProtection,
  createRestitution,
  decideProtection,
  recordRestitutionPayment,
  updateRestitution,
} from './restitution.service.js';
import { createSuspect, updateSuspect } from './suspect.service.js';

const suspectParams = idParams.extend({ suspectId: z.string().uuid() });
const restitutionParams = idParams.extend({ restitutionId: z.string().uuid() });
const protectionParams = idParams.extend({ protectionId: z.string().uuid() });
const idempotencyHeader = z.object({ 'idempotency-key': z.string().max(200).optional() });
const tags = ['legal'];

export function legalRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/legal/cases',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags,
          summary:
            'Legal tracks by stage; stalled tracks; restitution unpaid past its deadline (no identities)',
          querystring: legalListQuerySchema,
          response: {
            200: z.object({
              items: z.array(legalListItemSchema),
              total: z.number().int(),
              byStage: z.partialRecord(z.enum(LEGAL_STAGES), z.number().int()),
              stalledDays: z.number().int(),
              /** Cases assigned to the caller's office with no police report yet. */
              awaiting: z.array(
                z.object({ caseId: z.string().uuid(), caseNumber: z.string(), assignedAt: z.string() }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => listLegalTracks(deps, actorOf(req), requestMeta(req), req.query),
    );

    app.get(
      '/cases/:id/legal',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags,
          summary: "The case's legal track: police reports, stages, suspects, restitution, LPSK protection",
          params: idParams,
          response: { 200: legalTrackSchema, ...errorResponses },
        },
      },
      async (req) => getLegalTrack(deps, actorOf(req), requestMeta(req), req.params.id),
    );

    app.put(
      '/cases/:id/legal/police-agency',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags,
          summary: 'The case team names the police agency handling the case (carries the track version read)',
          params: idParams,
          body: policeAgencyAssignSchema,
          response: { 200: legalTrackSchema, ...errorResponses },
        },
      },
      async (req) => {
        const track = await assignPoliceAgency(deps, actorOf(req), requestMeta(req), req.params.id, req.body);
        await deliverPending(deps);
        return track;
      },
    );

    app.post(
      '/cases/:id/legal/reports',
      {
        preValidation: authorize('legal.manage'),
        schema: {
          tags,
          summary: 'Record a police report (LP); the first opens the track',
          params: idParams,
          headers: idempotencyHeader,
          body: policeReportCreateSchema,
          response: { 201: legalTrackSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, `POST /cases/${req.params.id}/legal/reports`, (actor, meta) =>
          recordPoliceReport(deps, actor, meta, req.params.id, req.body),
        ),
    );

    app.post(
      '/cases/:id/legal/stages',
      {
        preValidation: authorize('legal.manage'),
        schema: {
          tags,
          summary: 'Move the track to its next stage (carries the track version read)',
          params: idParams,
          headers: idempotencyHeader,
          body: legalStageCreateSchema,
          response: { 201: legalTrackSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, `POST /cases/${req.params.id}/legal/stages`, (actor, meta) =>
          recordLegalStage(deps, actor, meta, req.params.id, req.body),
        ),
    );

    app.post(
      '/cases/:id/legal/suspects',
      {
        preValidation: authorize('legal.manage'),
        schema: {
          tags,
          summary: 'Record a suspect (a person or a corporation); the identity is encrypted at rest',
          params: idParams,
          headers: idempotencyHeader,
          body: suspectCreateSchema,
          response: { 201: suspectSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, `POST /cases/${req.params.id}/legal/suspects`, (actor, meta) =>
          createSuspect(deps, actor, meta, req.params.id, req.body),
        ),
    );

    app.patch(
      '/cases/:id/legal/suspects/:suspectId',
      {
        preValidation: authorize('legal.manage'),
        schema: {
          tags,
          summary: "Change a suspect's legal status or detention",
          params: suspectParams,
          body: suspectPatchSchema,
          response: { 200: suspectSchema, ...errorResponses },
        },
      },
      async (req) =>
        updateSuspect(deps, actorOf(req), requestMeta(req), req.params.id, req.params.suspectId, req.body),
    );

    app.post(
      '/cases/:id/legal/restitutions',
      {
        preValidation: authorize('legal.manage'),
        schema: {
          tags,
          summary: "Open a victim's restitution claim with its components",
          params: idParams,
          headers: idempotencyHeader,
          body: restitutionCreateSchema,
          response: { 201: legalTrackSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, `POST /cases/${req.params.id}/legal/restitutions`, (actor, meta) =>
          createRestitution(deps, actor, meta, req.params.id, req.body),
        ),
    );

    app.patch(
      '/cases/:id/legal/restitutions/:restitutionId',
      {
        preValidation: authorize('legal.manage'),
        schema: {
          tags,
          summary:
            'Record LPSK calculation, indictment amount, the amount granted, or replacement by detention',
          params: restitutionParams,
          body: restitutionPatchSchema,
          response: { 200: legalTrackSchema, ...errorResponses },
        },
      },
      async (req) =>
        updateRestitution(
          deps,
          actorOf(req),
          requestMeta(req),
          req.params.id,
          req.params.restitutionId,
          req.body,
        ),
    );

    app.post(
      '/cases/:id/legal/restitutions/:restitutionId/payments',
      {
        preValidation: authorize('legal.manage'),
        schema: {
          tags,
          summary: 'Record a payment (may be partial) of granted restitution',
          params: restitutionParams,
          headers: idempotencyHeader,
          body: restitutionPaymentCreateSchema,
          response: { 201: legalTrackSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(
          deps,
          req,
          reply,
          `POST /cases/${req.params.id}/legal/restitutions/${req.params.restitutionId}/payments`,
          (actor, meta) =>
            recordRestitutionPayment(deps, actor, meta, req.params.id, req.params.restitutionId, req.body),
        ),
    );

    app.post(
      '/cases/:id/legal/protections',
      {
        preValidation: authorize('legal.manage'),
        schema: {
          tags,
          summary: "Record an application to LPSK for a victim's or witness's protection",
          params: idParams,
          headers: idempotencyHeader,
          body: protectionCreateSchema,
          response: { 201: legalTrackSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, `POST /cases/${req.params.id}/legal/protections`, (actor, meta) =>
          createProtection(deps, actor, meta, req.params.id, req.body),
        ),
    );

    app.patch(
      '/cases/:id/legal/protections/:protectionId',
      {
        preValidation: authorize('legal.manage'),
        schema: {
          tags,
          summary: "Record LPSK's decision on a protection application",
          params: protectionParams,
          body: protectionPatchSchema,
          response: { 200: legalTrackSchema, ...errorResponses },
        },
      },
      async (req) =>
        decideProtection(
          deps,
          actorOf(req),
          requestMeta(req),
          req.params.id,
          req.params.protectionId,
          req.body,
        ),
    );
  };
}
