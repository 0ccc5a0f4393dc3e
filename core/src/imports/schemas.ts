import { z } from 'zod';
import { IMPORT_FIELDS, importMappingSchema } from './register.js';

export const IMPORT_STATUSES = ['uploaded', 'validated', 'running', 'done', 'failed'] as const;

export const importRejectedRowSchema = z.object({
  /** The row's number in the file, counting the header as row 1 (as a spreadsheet shows it). */
  row: z.number().int(),
  key: z.string().nullable(),
  /** rejected: the row breaks a rule; skipped: its import key was imported before. */
  kind: z.enum(['rejected', 'skipped']),
  reasons: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type ImportRejectedRow = z.infer<typeof importRejectedRowSchema>;

export const importJobSchema = z.object({
  id: z.string().uuid(),
  filename: z.string(),
  format: z.enum(['xlsx', 'csv']),
  status: z.enum(IMPORT_STATUSES),
  columns: z.array(z.string()),
  mapping: importMappingSchema.nullable(),
  suggestedMapping: importMappingSchema,
  totalRows: z.number().int(),
  validRows: z.number().int(),
  rejectedRows: z.number().int(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  /** Rows whose import key was already imported (now or by an earlier import). */
  skippedRows: z.number().int(),
  rejected: z.array(importRejectedRowSchema),
  error: z.string().nullable(),
  createdAt: z.string(),
  validatedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The run stopped part-way (failed, or its server went away): starting it again continues it. */
  resumable: z.boolean(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importPreviewSchema = z.object({
  /** The first rows as mapped (field -> text), for the uploader to check the mapping. */
  rows: z.array(z.object({ row: z.number().int(), values: z.record(z.string(), z.string()) })),
});

export const importMappingInputSchema = z.object({
  mapping: importMappingSchema,
  /** Saves the mapping under this name for later registers of the same layout. */
  saveAs: z.string().trim().min(2).max(80).nullable().optional(),
});
export type ImportMappingInput = z.infer<typeof importMappingInputSchema>;

export const savedMappingSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  mapping: importMappingSchema,
  updatedAt: z.string(),
});
export type SavedMapping = z.infer<typeof savedMappingSchema>;

export const importFieldsSchema = z.object({
  fields: z.array(z.object({ field: z.enum(IMPORT_FIELDS), required: z.boolean() })),
});
