import { z } from 'zod';
import { queryInt } from '../query.js';

/**
 * The yearly report of a task force (Laporan Tahunan Gugus Tugas PP TPPO): generated as a job,
 * with its progress readable from any server instance, then downloaded as DOCX or PDF.
 */

export const REPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportJobStatus = (typeof REPORT_JOB_STATUSES)[number];

/** The steps of a generation, in order; the web shows each as words. */
export const REPORT_STEPS = [
  'queued',
  'composition',
  'cases',
  'services',
  'law_enforcement',
  'migrant_workers',
  'prevention',
  'plan',
  'docx',
  'pdf',
  'done',
] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

export const REPORT_FORMATS = ['docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportYearParamsSchema = z.object({
  year: queryInt({ min: 2000, max: 2100, minMessage: 'year_range', maxMessage: 'year_range' }),
});

export const reportJobSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  status: z.enum(REPORT_JOB_STATUSES),
  /** 0-100. */
  percent: z.number().int(),
  step: z.enum(REPORT_STEPS),
  /** Sizes in bytes once done. */
  docxBytes: z.number().int().nullable(),
  pdfBytes: z.number().int().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** When the files are removed. */
  expiresAt: z.string(),
});
export type ReportJob = z.infer<typeof reportJobSchema>;

/** The secretariat's recommendations for the year (kept with the year-end evaluation). */
export const reportRecommendationsInputSchema = z.object({
  version: z.number().int().min(0),
  recommendations: z.string().trim().max(20_000),
});
export type ReportRecommendationsInput = z.infer<typeof reportRecommendationsInputSchema>;

export const yearlyReportInfoSchema = z.object({
  year: z.number().int(),
  recommendations: z.string(),
  /** Version of the year-end evaluation the recommendations belong to (0: none saved yet). */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  /** The latest generation of this year by anyone in the task force, if its files are still kept. */
  latestJob: reportJobSchema.nullable(),
  can: z.object({ generate: z.boolean(), editRecommendations: z.boolean() }),
});
export type YearlyReportInfo = z.infer<typeof yearlyReportInfoSchema>;
