import { AGENCY_SECTORS, agencyCreateSchema, agencyPatchSchema, agencySchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { booleanQuery, errorResponses, idParams, pageOf, pagingQuery } from '../../platform/http/schemas.js';
import { replyCreated } from '../../platform/idempotency.js';
import { AGENCY_SORTS } from './agency.repository.js';
import { createAgency, getAgency, listAgencies, updateAgency } from './agency.service.js';

export function agencyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/agencies',
      {
        preValidation: authorize('agency.read'),
        schema: {
          tags: ['agencies'],
          summary: 'List agencies (instansi)',
          querystring: z.object({
            q: z.string().trim().max(100).optional(),
            sector: z.enum(AGENCY_SECTORS).optional(),
            active: booleanQuery.optional(),
            taskForceId: z.string().uuid().optional(),
            sort: z.enum(AGENCY_SORTS).default('name'),
            ...pagingQuery,
          }),
          response: { 200: pageOf(agencySchema), ...errorResponses },
        },
      },
      async (req) => listAgencies(deps, req.query),
    );

    app.post(
      '/agencies',
      {
        preValidation: authorize('agency.manage'),
        schema: {
          tags: ['agencies'],
          summary: 'Create an agency (administrators)',
          headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
          body: agencyCreateSchema,
          response: { 201: agencySchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        replyCreated(deps, req, reply, 'POST /agencies', (actor, meta) =>
          createAgency(deps, actor, meta, req.body),
        ),
    );

    app.get(
      '/agencies/:id',
      {
        preValidation: authorize('agency.read'),
        schema: {
          tags: ['agencies'],
          summary: 'One agency',
          params: idParams,
          response: { 200: agencySchema, ...errorResponses },
        },
      },
      async (req) => getAgency(deps, req.params.id),
    );

    app.patch(
      '/agencies/:id',
      {
        preValidation: authorize('agency.manage'),
        schema: {
          tags: ['agencies'],
          summary: 'Change an agency (administrators); carries the version read',
          params: idParams,
          body: agencyPatchSchema,
          response: { 200: agencySchema, ...errorResponses },
        },
      },
      async (req) => updateAgency(deps, actorOf(req), requestMeta(req), req.params.id, req.body),
    );
  };
}
