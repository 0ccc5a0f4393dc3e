import { z } from 'zod';

/**
 * A whole number in a query string or a path. Query values arrive as text, so they are read, not
 * coerced: only plain decimal digits pass ("7", never "", " ", "1e3", "0x10", "7.5" or "true"),
 * and the value is then held to its range like any number in a body.
 */
export function queryInt(range: { min: number; max: number; minMessage?: string; maxMessage?: string }) {
  return z
    .string()
    .regex(/^\d{1,10}$/, { message: 'number_format' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(range.min, range.minMessage ? { message: range.minMessage } : undefined)
        .max(range.max, range.maxMessage ? { message: range.maxMessage } : undefined),
    );
}
