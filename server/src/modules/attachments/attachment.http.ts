import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../platform/errors.js';
import { contentDisposition } from '../documents/document.routes.js';

/** The uploaded file of a multipart request (field `file`), within DOCUMENT_MAX_BYTES. */
export async function readUpload(req: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  const part = await req.file();
  if (!part) throw errors.validation({ file: 'required' });
  return { filename: part.filename, data: await part.toBuffer() };
}

/** Sends a stored file as a download; the browser is told not to guess its type. */
export function sendFile(reply: FastifyReply, file: { data: Buffer; mime: string; filename: string }) {
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .send(file.data);
}
