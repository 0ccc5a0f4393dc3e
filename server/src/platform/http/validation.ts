import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

/** A request that failed its zod schema; the error handler turns the issues into field messages. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('request validation failed');
  }
}

/** Validates with zod, keeping the input in each issue so a missing field reads "required". */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success
      ? { value: result.data }
      : { error: new RequestValidationError(result.error.issues) };
  };
