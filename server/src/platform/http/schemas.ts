import { errorBodySchema, queryInt } from '@sinergi/core';
import { z } from 'zod';

/** Query parameters every list accepts. */
export const pagingQuery = {
  page: queryInt({ min: 1, max: 100000 }).default(1),
  pageSize: queryInt({ min: 1, max: 200 }).default(25),
};

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const idParams = z.object({ id: z.string().uuid() });

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The error responses documented on every protected route. */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  429: errorBodySchema,
};
