import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { actorOf, authenticate, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { replyCreated } from '../../platform/idempotency.js';
import { breakGlass, caseGrants, grantsForReview, reviewGrant } from './break-glass.service.js';
import { loadCaseFor } from './case.service.js';

const grantSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  userDisplayName: z.string(),
  agencyShortName: z.string(),
  reason: z.string().nullable(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  active: z.boolean(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewNote: z.string().nullable(),
});

export function breakGlassRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/break-glass',
      {
        preValidation: authorize('case.break_glass'),
        schema: {
          tags: ['cases'],
          summary:
            'Emergency access: open a case outside your access for a limited time, stating why (coordinators; audited, shown to the case team, reviewed)',
          headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
          body: z.object({
            caseNumber: z.string().trim().min(3).max(60),
            reason: z.string().trim().min(10).max(1000),
          }),
          response: { 201: z.object({ caseId: z.string(), expiresAt: z.string() }), ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /break-glass', (actor, meta) =>
          breakGlass(deps, actor, meta, req.body),
        ),
    );

    app.get(
      '/break-glass',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['cases'],
          summary:
            "Emergency openings for review: those on cases of the reader's own task force (its administrators and coordinators)",
          querystring: z.object({ pending: z.enum(['true', 'false']).default('true') }),
          response: { 200: z.object({ items: z.array(grantSchema) }), ...errorResponses },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        if (!actor.permissions.has('user.manage') && !actor.permissions.has('case.break_glass'))
          throw errors.forbidden();
        return { items: await grantsForReview(deps, actor, req.query.pending === 'true') };
      },
    );

    app.post(
      '/break-glass/:id/review',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['cases'],
          summary: "Record the review of an emergency opening (not of one's own)",
          params: idParams,
          body: z.object({ note: z.string().trim().min(3).max(1000) }),
          response: { 200: grantSchema, ...errorResponses },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        if (!actor.permissions.has('user.manage') && !actor.permissions.has('case.break_glass'))
          throw errors.forbidden();
        return reviewGrant(deps, actor, requestMeta(req), req.params.id, req.body.note);
      },
    );

    app.get(
      '/cases/:id/emergency-access',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['cases'],
          summary: 'Emergency openings of this case (the case team sees the reasons)',
          params: idParams,
          response: { 200: z.object({ items: z.array(grantSchema) }), ...errorResponses },
        },
      },
      async (req) => {
        const { access } = await loadCaseFor(deps, actorOf(req), req.params.id);
        return { items: await caseGrants(deps, req.params.id, access === 'full') };
      },
    );
  };
}
