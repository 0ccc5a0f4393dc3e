import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errors } from '../../platform/errors.js';
import { contentDisposition } from '../documents/document.routes.js';

/**
 * Form fields an upload may carry beside its file. Counted here rather than by the parser's own
 * field limit: past that limit the parser stops reading and the file arrives cut, which would read
 * as a dropped connection instead of the client's mistake.
 */
export const UPLOAD_FIELDS_MAX = 5;

/** A multipart upload's file (field `file`) and its plain form fields. */
export interface Upload {
  filename: string;
  data: Buffer;
  fields: Record<string, string>;
}

/**
 * Reads the uploaded file of a multipart request (field `file`) into memory, within
 * DOCUMENT_MAX_BYTES. Nothing is written before the whole body has arrived, so a body cut off
 * mid-way (a mobile connection dropping) leaves nothing behind and answers 400; a file over the
 * limit answers 413; too many parts answer 413 too. Every upload route reads through here.
 */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  try {
    const part = await req.file();
    if (!part) throw errors.validation({ file: 'required' });
    const data = await part.toBuffer();
    const fields: Record<string, string> = {};
    for (const [name, field] of Object.entries(part.fields)) {
      const value = (field as { value?: unknown } | undefined)?.value;
      if (name !== 'file' && typeof value === 'string') fields[name] = value;
    }
    if (Object.keys(fields).length > UPLOAD_FIELDS_MAX)
      throw new AppError(413, 'payload_too_large', { file: 'upload_too_many_fields' });
    return { filename: part.filename, data, fields };
  } catch (err) {
    throw uploadError(err);
  }
}

function uploadError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: unknown }).code;
  const status = (err as { statusCode?: unknown }).statusCode;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError(413, 'payload_too_large');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_FILES_LIMIT')
    return new AppError(413, 'payload_too_large', { file: 'upload_too_many_fields' });
  if (status === 413) return new AppError(413, 'payload_too_large');
  // Anything else the multipart parser throws is a malformed or cut body, never a server fault.
  return errors.validation({ file: 'upload_incomplete' });
}

/** Sends a stored file as a download; the browser is told not to guess its type. */
export function sendFile(reply: FastifyReply, file: { data: Buffer; mime: string; filename: string }) {
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .send(file.data);
}
