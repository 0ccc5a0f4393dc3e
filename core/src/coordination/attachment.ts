import { z } from 'zod';

/** A file of the task force that belongs to no case (decree scan, evidence of a report, logo). */
export const attachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** Removing a file or a record: always with a reason, kept for the audit. */
export const removalSchema = z.object({ reason: z.string().trim().min(3).max(500) });
