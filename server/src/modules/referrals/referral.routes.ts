import {
  REFERRAL_ACTIONS,
  referralActionSchema,
  referralCreateSchema,
  referralListQuerySchema,
  referralViewSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams, pageOf } from '../../platform/http/schemas.js';
import { replyCreated } from '../../platform/idempotency.js';
import { deliverPending } from '../notifications/notification.service.js';
import { caseReferrals, createReferral, getReferral, listReferrals } from './referral.service.js';
import { actOnReferral } from './referral-actions.service.js';

export function referralRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/referrals',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['referrals'],
          summary:
            "The agency's incoming or outgoing referrals, or consent overrides for a coordinator's review",
          querystring: referralListQuerySchema,
          response: { 200: pageOf(referralViewSchema), ...errorResponses },
        },
      },
      async (req) => listReferrals(deps, actorOf(req), req.query),
    );

    app.post(
      '/referrals',
      {
        preValidation: authorize('referral.manage'),
        schema: {
          tags: ['referrals'],
          summary:
            'Refer named persons of a case to another agency for named services; each needs a current consent covering services and sharing with that agency, or a coordinator override with a reason',
          headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
          body: referralCreateSchema,
          response: { 201: referralViewSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const res = await replyCreated(deps, req, reply, 'POST /referrals', (actor, meta) =>
          createReferral(deps, actor, meta, req.body),
        );
        await deliverPending(deps);
        return res;
      },
    );

    app.get(
      '/referrals/:id',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['referrals'],
          summary: 'One referral as the caller’s side may see it',
          params: idParams,
          response: { 200: referralViewSchema, ...errorResponses },
        },
      },
      async (req) => getReferral(deps, actorOf(req), requestMeta(req), req.params.id),
    );

    for (const action of REFERRAL_ACTIONS) {
      app.post(
        `/referrals/:id/${action}`,
        {
          preValidation: authorize('case.read'),
          schema: {
            tags: ['referrals'],
            summary: {
              accept: 'Accept (receiving agency), assigning a worker',
              decline: 'Decline with a reason (receiving agency)',
              complete: 'Complete with an outcome (receiving agency); access to the persons ends',
              revoke: 'Revoke with a reason (sender); access ends',
            }[action],
            params: idParams,
            body: referralActionSchema,
            response: { 200: referralViewSchema, ...errorResponses },
          },
        },
        async (req) => {
          const view = await actOnReferral(
            deps,
            actorOf(req),
            requestMeta(req),
            req.params.id,
            action,
            req.body,
          );
          await deliverPending(deps);
          return view;
        },
      );
    }

    app.get(
      '/cases/:id/referrals',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['referrals'],
          summary: 'Referrals of one case (case team and oversight)',
          params: idParams,
          response: { 200: z.object({ items: z.array(referralViewSchema) }), ...errorResponses },
        },
      },
      async (req) => caseReferrals(deps, actorOf(req), req.params.id),
    );
  };
}
