import { countrySchema, queryInt, REGION_CODE_PATTERN, REGION_LEVELS, regionSchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { authorize } from '../../platform/http/auth-hooks.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { ancestorsOf, searchRegionsByName } from './region-search.js';

const regionWithPath = regionSchema.extend({
  /** The ancestors, province first: given for a name search and for one region. */
  path: z.array(regionSchema).optional(),
});

export function referenceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/regions',
      {
        preValidation: authorize('reference.read'),
        schema: {
          tags: ['reference'],
          summary:
            'Regions (Kemendagri): children of `parent` (provinces without it), or a name search with `q` ' +
            "(every word in the name or its ancestors' names, best matches first, each with its path), " +
            'optionally inside the region `within`',
          querystring: z.object({
            parent: z.string().regex(REGION_CODE_PATTERN, { message: 'region_code_format' }).optional(),
            q: z.string().trim().min(2).max(100).optional(),
            level: z.enum(REGION_LEVELS).optional(),
            within: z.string().regex(REGION_CODE_PATTERN, { message: 'region_code_format' }).optional(),
            limit: queryInt({ min: 1, max: 100 }).default(50),
          }),
          response: { 200: z.object({ items: z.array(regionWithPath) }), ...errorResponses },
        },
      },
      async (req) => {
        const { parent, q, level, within, limit } = req.query;
        if (q) return { items: searchRegionsByName(deps.reference, q, limit, { level, within }) };
        if (parent && !deps.reference.region(parent)) {
          throw errors.notFound();
        }
        return { items: deps.reference.regionChildren(parent ?? null) };
      },
    );
    app.get(
      '/regions/:code',
      {
        preValidation: authorize('reference.read'),
        schema: {
          tags: ['reference'],
          summary: 'One region with its ancestors',
          params: z.object({
            code: z.string().regex(REGION_CODE_PATTERN, { message: 'region_code_format' }),
          }),
          response: { 200: regionSchema.extend({ path: z.array(regionSchema) }), ...errorResponses },
        },
      },
      async (req) => {
        const region = deps.reference.region(req.params.code);
        if (!region) throw errors.notFound();
        return { ...region, path: ancestorsOf(deps.reference, region) };
      },
    );
    app.get(
      '/countries',
      {
        preValidation: authorize('reference.read'),
        schema: {
          tags: ['reference'],
          summary: 'Countries (ISO 3166-1 alpha-2) with Indonesian and English names',
          response: { 200: z.object({ items: z.array(countrySchema) }), ...errorResponses },
        },
      },
      async () => ({ items: deps.reference.countries() }),
    );
  };
}
