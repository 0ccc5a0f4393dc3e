import { z } from 'zod';
import { queryInt } from '../query.js';
import { K_DEFAULT, K_MAX, K_MIN } from './k-anonymity.js';

const isoDate = z.iso.date({ message: 'date_format' });

/** The period and format every export takes. */
export const exportPeriodSchema = z
  .object({
    from: isoDate,
    to: isoDate,
  })
  .refine((v) => v.to >= v.from, { message: 'date_range', path: ['to'] });

export const ctdcQuerySchema = z
  .object({
    from: isoDate,
    to: isoDate,
    // Bounded: a k past any data set's size is meaningless, and the summary must stay a safe integer.
    k: queryInt({ min: K_MIN, max: K_MAX, minMessage: 'k_too_low', maxMessage: 'k_too_high' }).default(
      K_DEFAULT,
    ),
    format: z.enum(['csv', 'xlsx']).default('csv'),
  })
  .refine((v) => v.to >= v.from, { message: 'date_range', path: ['to'] });
export type CtdcQuery = z.infer<typeof ctdcQuerySchema>;

export const ctdcSummarySchema = z.object({
  k: z.number().int(),
  inputRows: z.number().int(),
  releasedRows: z.number().int(),
  suppressedRows: z.number().int(),
  generalisations: z.array(z.string()),
});
export type CtdcSummary = z.infer<typeof ctdcSummarySchema>;

export const HTCDS_TABLES = ['cases', 'persons', 'perpetrators', 'events'] as const;
export type HtcdsTable = (typeof HTCDS_TABLES)[number];

export const htcdsQuerySchema = z
  .object({
    from: isoDate,
    to: isoDate,
    format: z.enum(['csv', 'xlsx']).default('xlsx'),
    /** CSV holds one table; XLSX holds all of them, one sheet each. */
    table: z.enum(HTCDS_TABLES).default('cases'),
  })
  .refine((v) => v.to >= v.from, { message: 'date_range', path: ['to'] });
export type HtcdsQuery = z.infer<typeof htcdsQuerySchema>;

export const simfoniQuerySchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((v) => v.to >= v.from, { message: 'date_range', path: ['to'] });
export type SimfoniQuery = z.infer<typeof simfoniQuerySchema>;
