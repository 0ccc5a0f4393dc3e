import {
  screeningChecklistInputSchema,
  screeningCreateSchema,
  screeningIndicatorSchema,
  screeningViewSchema,
} from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { actorOf, authenticate, authorize } from '../../platform/http/auth-hooks.js';
import { requestMeta } from '../../platform/http/request-context.js';
import { errorResponses, idParams } from '../../platform/http/schemas.js';
import { currentChecklist, listScreenings, publishChecklist, recordScreening } from './screening.service.js';

const checklistSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  indicators: z.array(screeningIndicatorSchema),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export function screeningRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/screening-checklist',
      {
        preValidation: [authenticate],
        schema: {
          tags: ['screening'],
          summary: 'The screening checklist in force',
          response: { 200: checklistSchema, ...errorResponses },
        },
      },
      async () => currentChecklist(deps),
    );
    app.put(
      '/screening-checklist',
      {
        preValidation: authorize('screening.checklist.manage'),
        schema: {
          tags: ['screening'],
          summary: 'Publish a new checklist version (administrators)',
          body: screeningChecklistInputSchema,
          response: { 200: checklistSchema, ...errorResponses },
        },
      },
      async (req) => publishChecklist(deps, actorOf(req), requestMeta(req), req.body),
    );
    app.get(
      '/cases/:id/screenings',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['screening'],
          summary: 'Screenings of a case, newest first',
          params: idParams,
          response: { 200: z.object({ items: z.array(screeningViewSchema) }), ...errorResponses },
        },
      },
      async (req) => listScreenings(deps, actorOf(req), req.params.id),
    );
    app.post(
      '/cases/:id/screenings',
      {
        preValidation: authorize('case.read'),
        schema: {
          tags: ['screening'],
          summary: 'Record a screening against the three elements of UU 21/2007',
          params: idParams,
          body: screeningCreateSchema,
          response: { 201: screeningViewSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await recordScreening(deps, actorOf(req), requestMeta(req), req.params.id, req.body)),
    );
  };
}
