import { countrySchema, queryInt, REGION_CODE_PATTERN, REGION_LEVELS, regionSchema } from '@sinergi/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { authorize } from '../../platform/http/auth-hooks.js';
import { errorResponses } from '../../platform/http/schemas.js';

export function referenceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/regions',
      {
        preValidation: authorize('reference.read'),
        schema: {
          tags: ['reference'],
          summary:
            'Regions (Kemendagri): children of `parent` (provinces without it), or a name search with `q`',
          querystring: z.object({
            parent: z.string().regex(REGION_CODE_PATTERN, { message: 'region_code_format' }).optional(),
            q: z.string().trim().min(2).max(100).optional(),
            level: z.enum(REGION_LEVELS).optional(),
            limit: queryInt({ min: 1, max: 100 }).default(50),
          }),
          response: { 200: z.object({ items: z.array(regionSchema) }), ...errorResponses },
        },
      },
      async (req) => {
        const { parent, q, level, limit } = req.query;
        if (q) return { items: deps.reference.searchRegions(q, limit, level) };
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
        const path = [];
        let cur = region.parentCode;
        while (cur) {
          const r = deps.reference.region(cur);
          if (!r) break;
          path.unshift(r);
          cur = r.parentCode;
        }
        return { ...region, path };
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
